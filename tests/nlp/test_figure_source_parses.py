"""Who gives a figure when the parse misleads the walk up from it (nlp/figure_sources.py ``attribution``,
nlp/sources.py ``outer_speaker``), on Docs built by hand so that the parse under test is fixed (model-free)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from storyline.nlp.figure_sources import SourceContext, attribution
from storyline.nlp.sources import outer_speaker


def _doc(rows: list[tuple[str, int, str, str, str]], spaces: list[bool] | None = None) -> Doc:
    """A Doc from (word, head, dep, pos, tag) rows; heads are token indices."""
    words, heads, deps, pos, tags = (list(column) for column in zip(*rows))
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags)


def _given(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    """Who gives the figure ``doc[start:end]``, walking up from its last token."""
    figure = doc[start:end]
    return attribution(SourceContext(doc), figure.start_char, figure.end_char, _up(doc[end - 1]), doc[:])


def _up(token) -> list:
    """The path from a token to the root of its sentence."""
    path = [token]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


# "The utility said it expects spending of 4 billion."
SAID_IT_EXPECTS = [
    ("The", 1, "det", "DET", "DT"), ("utility", 2, "nsubj", "NOUN", "NN"), ("said", 2, "ROOT", "VERB", "VBD"),
    ("it", 4, "nsubj", "PRON", "PRP"), ("expects", 2, "ccomp", "VERB", "VBZ"), ("spending", 4, "dobj", "NOUN", "NN"),
    ("of", 5, "prep", "ADP", "IN"), ("4", 8, "compound", "NUM", "CD"), ("billion", 6, "pobj", "NUM", "CD"),
    (".", 2, "punct", "PUNCT", "."),
]


def test_the_speaker_above_a_pronoun_is_the_reports_named_speaker():
    doc = _doc(SAID_IT_EXPECTS)
    assert outer_speaker(doc[3]).text == "utility"
    assert outer_speaker(doc[1]) is None  # the named speaker has no report above it


def test_a_figure_a_pronoun_expects_is_the_named_speakers_when_the_pronoun_stands_for_no_one():
    doc = _doc(SAID_IT_EXPECTS)
    _, text = _given(doc, 7, 9)
    assert text == "The utility"


def test_a_subject_across_a_blank_line_is_a_glued_dateline_not_the_source():
    # "Lagos Wire —", a blank line, then "Orbis reported a profit of 12 million, up 31%.": the parser made one
    # sentence of the dateline and the lede and gave "reported" the outlet's name as its first subject
    rows = [
        ("Lagos", 1, "compound", "PROPN", "NNP"), ("Wire", 5, "nsubj", "PROPN", "NNP"), ("—", 1, "punct", "PUNCT", ":"),
        ("\n\n", 2, "dep", "SPACE", "_SP"), ("Orbis", 5, "nsubj", "PROPN", "NNP"), ("reported", 5, "ROOT", "VERB", "VBD"),
        ("a", 7, "det", "DET", "DT"), ("profit", 5, "dobj", "NOUN", "NN"), ("of", 7, "prep", "ADP", "IN"),
        ("12", 10, "compound", "NUM", "CD"), ("million", 8, "pobj", "NUM", "CD"), (",", 5, "punct", "PUNCT", ","),
        ("up", 5, "advmod", "ADV", "RB"), ("31", 14, "nummod", "NUM", "CD"), ("%", 12, "npadvmod", "NOUN", "NN"),
        (".", 5, "punct", "PUNCT", "."),
    ]
    spaces = [True, True, False, False, True, True, True, True, True, False, False, True, True, False, False, False]
    doc = _doc(rows, spaces)
    assert "—\n\nOrbis" in doc.text
    _, text = _given(doc, 13, 15)
    assert text != "Lagos Wire"


def test_records_a_sentence_closes_by_citing_give_its_figures_when_the_parse_misses_the_verb():
    # "Rents rose 9%, city housing data show.": the parse reads "show" as a noun the comma hangs on "rose"
    rows = [
        ("Rents", 1, "nsubj", "NOUN", "NNS"), ("rose", 1, "ROOT", "VERB", "VBD"), ("9", 3, "nummod", "NUM", "CD"),
        ("%", 1, "dobj", "NOUN", "NN"), (",", 1, "punct", "PUNCT", ","), ("city", 8, "compound", "NOUN", "NN"),
        ("housing", 8, "compound", "NOUN", "NN"), ("data", 8, "compound", "NOUN", "NNS"),
        ("show", 1, "npadvmod", "NOUN", "NN"), (".", 1, "punct", "PUNCT", "."),
    ]
    doc = _doc(rows, [True, True, False, False, True, True, True, True, False, False])
    _, text = _given(doc, 2, 4)
    assert text == "city housing data"


def test_a_closing_verb_of_showing_without_records_cites_nothing():
    # "Rents rose 9%, the maps show.": maps are no records of figures
    rows = [
        ("Rents", 1, "nsubj", "NOUN", "NNS"), ("rose", 1, "ROOT", "VERB", "VBD"), ("9", 3, "nummod", "NUM", "CD"),
        ("%", 1, "dobj", "NOUN", "NN"), (",", 1, "punct", "PUNCT", ","), ("the", 6, "det", "DET", "DT"),
        ("maps", 7, "compound", "NOUN", "NNS"), ("show", 1, "npadvmod", "NOUN", "NN"), (".", 1, "punct", "PUNCT", "."),
    ]
    doc = _doc(rows, [True, True, False, False, True, True, True, False, False])
    assert _given(doc, 2, 4) == (None, None)


def test_a_speaker_phrase_the_parse_runs_over_the_figure_gives_its_own_noun_phrase():
    # "According to the bureau, 40% of households rent.": the parse reads the share as an apposition of
    # "the bureau", and the clause's frame takes "the bureau, 40% of households" for the speaker
    from storyline.models import Frame
    from storyline.nlp.pipeline import register_extensions

    register_extensions()
    rows = [
        ("According", 9, "prep", "VERB", "VBG"), ("to", 0, "prep", "ADP", "IN"), ("the", 3, "det", "DET", "DT"),
        ("bureau", 1, "pobj", "NOUN", "NN"), (",", 3, "punct", "PUNCT", ","), ("40", 6, "nummod", "NUM", "CD"),
        ("%", 3, "appos", "NOUN", "NN"), ("of", 6, "prep", "ADP", "IN"), ("households", 7, "pobj", "NOUN", "NNS"),
        ("rent", 9, "ROOT", "VERB", "VBP"), (".", 9, "punct", "PUNCT", "."),
    ]
    doc = _doc(rows, [True, True, True, False, True, False, True, True, True, False, False])
    speaker = doc[2:9]
    doc._.frames = [Frame(doc="", start=0, end=len(doc.text), text=doc.text, source_text=speaker.text,
                          source_start=speaker.start_char, source_end=speaker.end_char, source_kind="named",
                          cue="according to", cue_start=0, cue_end=doc[1].idx + 2)]
    _, text = _given(doc, 5, 7)
    assert text == "the bureau"


def test_a_figure_in_what_the_report_sets_against_a_saying_is_nobodys():
    # "The ministry denied the claim despite photos showing 12 trucks.": the photos are the report's, not the
    # ministry's words
    rows = [
        ("The", 1, "det", "DET", "DT"), ("ministry", 2, "nsubj", "NOUN", "NN"), ("denied", 2, "ROOT", "VERB", "VBD"),
        ("the", 4, "det", "DET", "DT"), ("claim", 2, "dobj", "NOUN", "NN"), ("despite", 2, "prep", "SCONJ", "IN"),
        ("photos", 5, "pobj", "NOUN", "NNS"), ("showing", 6, "acl", "VERB", "VBG"), ("12", 9, "nummod", "NUM", "CD"),
        ("trucks", 7, "dobj", "NOUN", "NNS"), (".", 2, "punct", "PUNCT", "."),
    ]
    doc = _doc(rows, [True] * 9 + [False, False])
    assert _given(doc, 8, 10) == (None, None)
    # the same figure in the clause the ministry says is the ministry's
    said = _doc([
        ("The", 1, "det", "DET", "DT"), ("ministry", 2, "nsubj", "NOUN", "NN"), ("said", 2, "ROOT", "VERB", "VBD"),
        ("12", 4, "nummod", "NUM", "CD"), ("trucks", 5, "nsubj", "NOUN", "NNS"), ("burned", 2, "ccomp", "VERB", "VBD"),
        (".", 2, "punct", "PUNCT", "."),
    ], [True] * 5 + [False, False])
    assert _given(said, 3, 5)[1] == "The ministry"


def test_a_frame_that_names_no_speaker_gives_no_source():
    # "Eleven roads closed." under a frame with no speaker in the text and no actor ("it was stressed that ...",
    # a quotation no one is named for): nobody to credit, not the frame's placeholder words
    from storyline.models import Frame
    from storyline.nlp.pipeline import register_extensions

    register_extensions()
    doc = _doc([("11", 1, "nummod", "NUM", "CD"), ("roads", 2, "nsubj", "NOUN", "NNS"), ("closed", 2, "ROOT", "VERB", "VBD"),
                (".", 2, "punct", "PUNCT", ".")], [True, True, False, False])
    frame = Frame(doc="", start=0, end=len(doc.text), text=doc.text, source_text="it is stressed", source_kind="anonymous",
                  cue="said")
    doc._.frames = [frame]
    assert _given(doc, 0, 2) == (None, None)
    # a frame whose speaker is in the text gives it
    frame.source_text, frame.source_kind, frame.source_start, frame.source_end = "the police", "named", 0, 2
    assert _given(doc, 0, 2)[1] == "the police"


def test_a_paragraph_under_a_glued_heading_keeps_its_opening_speaker():
    # "Floods ease", a blank line, "The weather office says that rain trapped 40 people.": the parser made one
    # sentence of the heading and the paragraph and hung "The weather office" on the heading
    rows = [
        ("Floods", 1, "nsubj", "NOUN", "NNS"), ("ease", 6, "nsubj", "VERB", "VBP"), ("\n\n", 1, "dep", "SPACE", "_SP"),
        ("The", 5, "det", "DET", "DT"), ("weather", 5, "compound", "NOUN", "NN"), ("office", 1, "appos", "NOUN", "NN"),
        ("says", 6, "ROOT", "VERB", "VBZ"), ("that", 9, "mark", "SCONJ", "IN"), ("rain", 9, "nsubj", "NOUN", "NN"),
        ("trapped", 6, "ccomp", "VERB", "VBD"), ("40", 11, "nummod", "NUM", "CD"), ("people", 9, "dobj", "NOUN", "NNS"),
        (".", 6, "punct", "PUNCT", "."),
    ]
    doc = _doc(rows, [True, False, False, True, True, True, True, True, True, True, True, False, False])
    _, text = _given(doc, 10, 12)
    assert text == "The weather office"


def _quoted(text: str, speaker: str, named: str, kind: str, resolved: str | None = None) -> tuple[str | None, str | None]:
    """Who gives a figure inside the quote of ``text`` credited to the phrase ``speaker`` (resolved to ``resolved``),
    when the report's actors component found the name ``named`` (of type ``kind``) in that phrase."""
    from storyline.models import Mention, Quote
    from storyline.nlp.figure_sources import _speaker

    ctx = SourceContext(spacy.blank("en")(text))
    at, where = text.index(speaker), text.index(named)
    ctx.mentions = [Mention(doc="d", start=where, end=where + len(named), text=named, label="KB",
                            entity=f"local:{kind}:{named.lower().replace(' ', '-')}", type=kind)]
    ctx.mention_starts = [where]
    quote = Quote(doc="d", start=at + len(speaker) + 2, end=len(text) - 1, text="", speaker_text=speaker,
                  speaker_start=at, speaker_end=at + len(speaker), speaker=resolved, cue="according to", direct=False)
    return _speaker(ctx, quote)


def test_a_quote_whose_speaker_went_unresolved_gives_the_person_its_phrase_names():
    text = ("According to the author of the survey, the agronomist Tamsin Okoro, more than half of the "
            "farmers she met had lost their wells.")
    entity, said = _quoted(text, "the author of the survey, the agronomist Tamsin Okoro", "Tamsin Okoro", "person")
    assert entity == "local:person:tamsin-okoro"
    assert said == "the author of the survey, the agronomist Tamsin Okoro"


@pytest.mark.parametrize("text, speaker, named, kind", [
    # a place, a state or a person the phrase names as someone else's is not who speaks
    ("According to a doctor at the Lviv hospital, 40 patients were moved on Sunday.", "a doctor at the Lviv hospital",
     "Lviv", "place"),
    ("According to officials in Chile's north, 40 roads were closed.", "officials in Chile's north", "Chile", "state"),
    ("According to a lawyer for Ana Ruiz, 40 letters were never answered.", "a lawyer for Ana Ruiz", "Ana Ruiz", "person"),
])
def test_a_name_that_is_not_the_unresolved_speaker_gives_no_figure(text, speaker, named, kind):
    assert _quoted(text, speaker, named, kind) == (None, speaker)


def test_a_quote_that_resolved_its_speaker_keeps_it():
    text = "According to the head of the port authority, Ana Ruiz, 12 cranes were idle."
    speaker = "the head of the port authority, Ana Ruiz"
    assert _quoted(text, speaker, "Ana Ruiz", "person", resolved="kb:port")[0] == "kb:port"
