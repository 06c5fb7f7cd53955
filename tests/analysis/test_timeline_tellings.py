"""Tellings on the timeline: a source's dated speaking is a happening whatever it says, a lede telling
that a named source has just spoken takes its report's day, and two sources speaking on one day are
two entries however alike their words. Model-free: records placed by hand."""

from __future__ import annotations

from storyline.analysis.figures import CONTRADICTION, build_figure_tables, figure_conflicts
from storyline.analysis.timeline import build_timeline
from storyline.models import TimeRef
from tests.analysis.test_figures import Docs
from tests.analysis.test_timeline import Reports

MINISTER, MAYOR = "local:person:ines-mora", "local:person:paulo-reis"


def _dated(r: Reports, doc: str, fragment: str, day: str, head: str) -> None:
    text = r.documents[doc]["text"]
    r.times.append(TimeRef(doc, *r.at(doc, fragment), fragment, day, "day", head=text.index(head)))


def test_a_dated_telling_of_a_view_or_a_possibility_is_a_happening():
    r = Reports()
    text = ("The minister told reporters on Wednesday that the levee may fail. "
            "The dam was unsafe, the mayor believes. Critics say the works came too late.")
    r.add("a", text, published="2031-05-09")
    r.say("a", "The minister told reporters on Wednesday that the levee may fail.", kind="prediction",
          status="possible", source=MINISTER, source_kind="named", date="2031-05-07")
    _dated(r, "a", "on Wednesday", "2031-05-07", "told")
    r.say("a", "The dam was unsafe, the mayor believes.", kind="opinion", status="reported", source=MAYOR,
          source_kind="named")
    r.say("a", "Critics say the works came too late.", kind="opinion", status="reported", source_kind="anonymous")
    assert [(e.date, e.category, e.text[:25]) for e in build_timeline(r.corpus())] == [
        ("2031-05-07", "happened", "The minister told reporte")]


def test_a_telling_whose_date_is_not_on_its_verb_of_telling_stays_out():
    # "said that the levee may fail on Wednesday": the day is the possible failure's, not the saying's.
    r = Reports()
    text = "The minister said that the levee may fail on Wednesday."
    r.add("a", text, published="2031-05-06")
    r.say("a", text, kind="prediction", status="possible", source=MINISTER, source_kind="named",
          date="2031-05-07")
    _dated(r, "a", "on Wednesday", "2031-05-07", "fail")
    assert build_timeline(r.corpus()) == []


def test_a_lede_telling_that_a_named_source_has_spoken_takes_its_reports_day():
    r = Reports()
    r.add("a", "The interior minister, Ines Mora, has accused the port union of sabotage.", published="2031-05-06")
    r.add("b", "The river authority says the water will recede by the weekend.", published="2031-05-07")
    r.add("c", "The levee will hold until the spring, the chief engineer says.", published="2031-05-08")
    r.add("d", "The mayor has repeatedly warned that the levee is weak.", published="2031-05-08")
    r.say("a", "The interior minister, Ines Mora, has accused the port union of sabotage.", status="reported",
          source=MINISTER, source_kind="named")
    r.say("b", "The river authority says the water will recede by the weekend.", kind="prediction",
          status="reported", source="local:organization:river-authority", source_kind="named")
    r.say("c", "The levee will hold until the spring, the chief engineer says.", kind="prediction",
          status="reported", source="local:person:chief-engineer", source_kind="named")
    r.say("d", "The mayor has repeatedly warned that the levee is weak.", status="reported", source=MAYOR,
          source_kind="named")
    assert [(e.date, e.precision, e.category, e.text[:14]) for e in build_timeline(r.corpus())] == [
        ("2031-05-06", "report", "happened", "The interior m"), ("2031-05-07", "report", "happened", "The river auth"),
        ("2031-05-08", "report", "happened", "The levee will")]


def test_two_sources_telling_alike_on_one_day_are_two_entries():
    r = Reports()
    text = ("The agency said on Tuesday that nine people had died in the floods. "
            "The Red Cross said on Tuesday that 15 people had died in the floods.")
    r.add("a", text, published="2031-05-07")
    for fragment, source, head in (("The agency said on Tuesday that nine people had died in the floods.",
                                    "local:organization:agency", "said on Tuesday that nine"),
                                   ("The Red Cross said on Tuesday that 15 people had died in the floods.",
                                    "local:organization:red-cross", "said on Tuesday that 15")):
        r.say("a", fragment, kind="estimate", status="reported", source=source, source_kind="named",
              date="2031-05-06", predicate="die")
        start = text.index(head)
        r.times.append(TimeRef("a", start + 5, start + 15, "on Tuesday", "2031-05-06", "day", head=start))
    assert [e.text[4:10] for e in build_timeline(r.corpus())] == ["agency", "Red Cr"]


def _board_and_voice(voice: str, voice_words: str) -> list:
    """A water board's telling of Monday, and a spokesperson's telling of Monday in one report."""
    r = Reports()
    board = "The water board on Monday said that two relief channels would be opened to lower the river."
    spoken = f"{voice} on Monday said that {voice_words}."
    text = f"The river rose for a week and the water board was blamed. {board} {spoken}"
    r.add("a", text, published="2031-05-07")
    r.say("a", board, status="reported", source_text="The water board", source_kind="named", date="2031-05-05")
    r.say("a", spoken, status="reported", source="local:person:ilse-brand", source_text=voice.split(",")[0],
          source_kind="named", date="2031-05-05")
    r.dated("a", "on Monday", "2031-05-05", heads=("said", "said"))
    return build_timeline(r.corpus())


def test_a_body_and_its_spokesperson_telling_alike_on_one_day_are_one_entry():
    [entry] = _board_and_voice("A spokeswoman for the water board, Ilse Brand",
                               "two relief channels would open to lower the river")
    assert entry.text.startswith("The water board on Monday")


def test_a_spokesperson_of_another_body_or_telling_other_words_is_another_entry():
    other_body = _board_and_voice("Port authority spokeswoman Ilse Brand",
                                  "two relief channels would open to lower the river")
    other_words = _board_and_voice("A spokeswoman for the water board, Ilse Brand",
                                   "three villages had been cleared overnight")
    assert len(other_body) == len(other_words) == 2


def test_tolls_of_two_bodies_in_one_report_are_a_disagreement_naming_each():
    docs = Docs()
    docs.add("a", "The agency said nine people died when the levee broke.",
             "The Red Cross said 15 people died when the levee broke.", published="2031-05-07")
    figures = [docs.figure("a", "nine people", 9, counts="killed", subject="kb:KOR", attributed_to="kb:agency",
                           attributed_text="The agency"),
               docs.figure("a", "15 people", 15, counts="killed", subject="kb:KOR", attributed_to="kb:red-cross",
                           attributed_text="The Red Cross")]
    corpus = docs.corpus(figures=figures)
    tables = build_figure_tables(corpus)
    [conflict] = figure_conflicts(corpus, tables)
    assert conflict.assessment == CONTRADICTION and tables[0].assessment == CONTRADICTION


def test_two_figures_of_one_report_with_one_body_or_none_are_no_disagreement():
    docs = Docs()
    docs.add("a", "The agency said nine people died when the levee broke.",
             "In all 15 people died when the levee broke.", published="2031-05-07")
    figures = [docs.figure("a", "nine people", 9, counts="killed", subject="kb:KOR", attributed_to="kb:agency",
                           attributed_text="The agency"),
               docs.figure("a", "15 people", 15, counts="killed", subject="kb:KOR")]
    corpus = docs.corpus(figures=figures)
    assert figure_conflicts(corpus, build_figure_tables(corpus)) == []


def test_a_dated_telling_of_something_negated_is_a_happening_but_a_negated_telling_is_not():
    r = Reports()
    text = ("In an interview published on Friday, the bishop said the flood was not prevented. "
            "The minister never told reporters on Thursday that the dam was safe.")
    r.add("a", text, published="2031-05-10")
    r.say("a", "In an interview published on Friday, the bishop said the flood was not prevented.",
          status="negated", source="local:person:bishop", source_kind="named", date="2031-05-09")
    _dated(r, "a", "on Friday", "2031-05-09", "published")
    r.say("a", "The minister never told reporters on Thursday that the dam was safe.", status="negated",
          source=MINISTER, source_kind="named", date="2031-05-08")
    _dated(r, "a", "on Thursday", "2031-05-08", "told")
    assert [(e.date, e.text[:15]) for e in build_timeline(r.corpus())] == [("2031-05-09", "In an interview")]


def _aid(second_amount: float) -> list:
    from storyline.analysis.corpus import Corpus
    from storyline.models import Figure

    r = Reports()
    first = "The prime minister announced on Monday a grant of $40 million for the flooded valley."
    second = f"The finance ministry announced on Monday that it will send ${second_amount / 1e6:g} million to farmers."
    r.add("a", first, published="2031-05-06")
    r.add("b", second, published="2031-05-07")
    r.say("a", first, source_kind="author", agent="local:person:prime-minister", date="2031-05-05")
    _dated(r, "a", "on Monday", "2031-05-05", "announced")
    r.say("b", second, kind="prediction", source_kind="author", agent="local:organization:finance-ministry",
          date="2031-05-05")
    _dated(r, "b", "on Monday", "2031-05-05", "announced")
    figures = [Figure("a", *r.at("a", "$40 million"), "$40 million", 40e6, counts="money:USD"),
               Figure("b", *r.at("b", f"${second_amount / 1e6:g} million"), "", second_amount, counts="money:USD")]
    corpus = Corpus(documents=r.documents, statements=r.statements, times=r.times, figures=figures)
    return build_timeline(corpus)


def test_one_sum_announced_told_by_two_reports_is_one_entry_and_two_sums_are_two():
    [entry] = _aid(40e6)
    assert entry.docs == ["a", "b"]
    assert len(_aid(25e6)) == 2


def test_a_happening_told_as_a_view_and_stated_is_told_by_the_statement():
    r = Reports()
    text = ("On Thursday the militia accused the army of shelling the school in Lysa. "
            "Two pupils died when shells hit the school in Lysa on Thursday, the teachers' union said.")
    r.add("a", text, published="2031-05-09")
    r.say("a", "On Thursday the militia accused the army of shelling the school in Lysa.", kind="opinion",
          status="reported", source="local:group:militia", source_kind="named", date="2031-05-08")
    _dated(r, "a", "On Thursday", "2031-05-08", "accused")
    r.say("a", "Two pupils died when shells hit the school in Lysa on Thursday, the teachers' union said.",
          status="reported", source_kind="anonymous", date="2031-05-08", predicate="die")
    _dated(r, "a", "on Thursday", "2031-05-08", "hit")
    [entry] = build_timeline(r.corpus())
    assert entry.text.startswith("Two pupils died")


def test_a_telling_in_a_frame_after_a_dash_left_in_the_authors_voice_is_a_happening_of_its_day():
    # The attribution leaves "- said on Friday the foreign minister ..." unread: the record stays in the
    # author's voice with "be" as its verb, but its date attaches to "said" in the past: someone spoke.
    r = Reports()
    text = ("There will be no war with our neighbours, but someone may want to provoke one - said on Friday "
            "the foreign minister in an interview with radio stations. The port is closed.")
    r.add("a", text, published="2031-05-11")
    sentence = text[:text.index(" The port")]
    r.say("a", sentence, source_kind="author", predicate="be", date="2031-05-09")
    _dated(r, "a", "on Friday", "2031-05-09", "said")
    r.say("a", "The port is closed.", source_kind="author", predicate="be")
    assert [(e.date, e.text[:24]) for e in build_timeline(r.corpus())] == [("2031-05-09", "There will be no war wit")]
    # A state in the author's voice dated on its own verb is no telling.
    r = Reports()
    r.add("a", "The port was closed on Friday.", published="2031-05-11")
    r.say("a", "The port was closed on Friday.", source_kind="author", predicate="be", date="2031-05-09")
    _dated(r, "a", "on Friday", "2031-05-09", "closed")
    assert build_timeline(r.corpus()) == []


def test_a_news_perfect_lede_of_a_trip_joins_the_arrival_not_a_speech_of_the_day_before():
    r = Reports()
    text = ("Prime Minister Ines Mora has made a surprise trip to the flooded north. On Monday, Mora announced "
            "a road plan in the capital. Mora arrived in Tarma on Tuesday and met rescuers.")
    r.add("a", text, published="2031-05-07")
    r.say("a", "Prime Minister Ines Mora has made a surprise trip to the flooded north.", agent=MINISTER,
          predicate="make", actors=[MINISTER])
    r.say("a", "On Monday, Mora announced a road plan in the capital.", agent=MINISTER, predicate="announce",
          actors=[MINISTER], date="2031-05-05")
    _dated(r, "a", "On Monday", "2031-05-05", "announced")
    r.say("a", "Mora arrived in Tarma on Tuesday and met rescuers.", agent=MINISTER, predicate="arrive",
          actors=[MINISTER], date="2031-05-06")
    _dated(r, "a", "on Tuesday", "2031-05-06", "arrived")
    assert [(e.date, e.text[:22]) for e in build_timeline(r.corpus())] == [
        ("2031-05-05", "On Monday, Mora announ"), ("2031-05-06", "Prime Minister Ines Mo")]
