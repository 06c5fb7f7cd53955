"""Doubtful entries stay off the chronology: "this month" or the report's own month on no past act, a
count so far, a speech whose speaker was not resolved told beside the same person's speech,
one act told twice by one report, and a happening told by its month beside the same told by its day."""

from __future__ import annotations

from storyline.analysis.dating import names_a_thing, places
from storyline.analysis.doubtful import names_speaker, own_month, tally
from storyline.analysis.happenings import _people_doing
from storyline.analysis.timeline import build_timeline
from storyline.models import Statement, TimeRef
from tests.analysis.test_timeline import Reports


def _dated(r: Reports, doc: str, sentence: str, phrase: str, value: str, precision: str = "day", **kw) -> Statement:
    s = r.say(doc, sentence, date=value, **kw)
    at = r.documents[doc]["text"].index(sentence) + sentence.index(phrase)
    r.times.append(TimeRef(doc, at, at + len(phrase), phrase, value, precision))
    return s


def test_this_month_or_the_reports_own_month_on_no_past_act_places_nothing():
    june = "2031-06-20"
    assert own_month(TimeRef("a", 0, 10, "this month", "2031-06", "month"), "2031-07-02")
    assert own_month(TimeRef("a", 0, 7, "in June", "2031-06", "month"), june, past_act=False)
    assert not own_month(TimeRef("a", 0, 7, "in June", "2031-06", "month"), june, past_act=True)
    assert not own_month(TimeRef("a", 0, 7, "in May", "2031-05", "month"), june, past_act=False)
    assert not own_month(TimeRef("a", 0, 10, "this month", "2031-06", "month", ahead=True), june)
    assert not own_month(TimeRef("a", 0, 10, "on 3 June", "2031-06-03", "day"), june, past_act=False)
    r = Reports()
    r.add("a", "Rain fell on 40 towns this month. Heavy rain arriving in June brings floods. Farmers planted rice "
               "in May. The ministry closed schools in June.", published=june)
    text = r.documents["a"]["text"]
    for sentence, phrase, verb in (("Rain fell on 40 towns this month.", "this month", "fell"),
                                   ("Heavy rain arriving in June brings floods.", "in June", "arriving"),
                                   ("Farmers planted rice in May.", "in May", "planted"),
                                   ("The ministry closed schools in June.", "in June", "closed")):
        _dated(r, "a", sentence, phrase, {"in May": "2031-05"}.get(phrase, "2031-06"), "month")
        r.times[-1].head = text.index(verb)
    assert sorted(e.text for e in build_timeline(r.corpus())) == [
        "Farmers planted rice in May.", "The ministry closed schools in June."]


def test_a_count_so_far_is_no_happening_of_the_day_it_is_told():
    assert tally(Statement("a", 0, 1, "The agency said on Monday that 41 people had died so far.", "estimate",
                           "reported"))
    assert tally(Statement("a", 0, 1, "Strikes have cost 3,000 jobs since the start of the dispute.", "fact",
                           "asserted"))
    assert not tally(Statement("a", 0, 1, "The agency said on Monday that 41 people died in the floods.", "fact",
                               "reported"))
    # A count in a clause opened by the first day of a stretch is what was done over it.
    assert tally(Statement("a", 0, 1, "From 6 September, the army retook 3.8 thousand square kilometres.", "fact",
                           "asserted"))
    assert not tally(Statement("a", 0, 1, "From 10 February 2031, exercises were held near the border.", "fact",
                               "asserted"))
    assert not tally(Statement("a", 0, 1, "On 6 September, the army retook 30 villages.", "fact", "asserted"))
    r = Reports()
    r.add("a", "The agency said on Monday that 41 people had died so far. The river burst its banks on Monday.",
          published="2031-07-08")
    _dated(r, "a", "The agency said on Monday that 41 people had died so far.", "on Monday", "2031-07-07",
           kind="estimate", status="reported")
    _dated(r, "a", "The river burst its banks on Monday.", "on Monday", "2031-07-07")
    assert [e.text for e in build_timeline(r.corpus())] == ["The river burst its banks on Monday."]


def test_a_sentence_without_a_source_naming_the_speaker_with_a_verb_of_saying_is_that_persons_speech():
    kim = {"local:person:mina-kim"}
    framed = Statement("a", 0, 1, "Press secretary Mina Kim, at a briefing on Wednesday, said talks go on.", "fact",
                       "asserted", source_kind="author")
    acting = Statement("a", 0, 1, "Mina Kim flew to Busan on Wednesday.", "fact", "asserted", source_kind="author")
    other = Statement("a", 0, 1, "Press secretary Mina Kim said talks go on.", "fact", "reported",
                      source="local:person:mina-kim", source_kind="named")
    assert names_speaker([framed], kim) and not names_speaker([acting], kim) and not names_speaker([other], kim)
    r = Reports()
    r.add("a", "Press secretary Mina Kim, at a briefing on Wednesday, said talks go on.", published="2031-04-03")
    r.add("b", '"We stay at the table," Kim said on Wednesday.', published="2031-04-03")
    _dated(r, "a", "Press secretary Mina Kim, at a briefing on Wednesday, said talks go on.", "on Wednesday",
           "2031-04-02", source_kind="author")
    _dated(r, "b", '"We stay at the table," Kim said on Wednesday.', "on Wednesday", "2031-04-02",
           source="local:person:mina-kim", source_kind="quoted", status="reported")
    assert [sorted(e.docs) for e in build_timeline(r.corpus())] == [["a", "b"]]


def test_one_report_telling_one_act_twice_by_its_dated_verb_is_one_entry():
    r = Reports()
    r.add("a", "Troops are advancing after the junta launched its border offensive on Thursday. General Oumar Sy "
               "launched the border offensive early on Thursday. Rebels launched drones at the airport on Thursday. "
               "The offensive along the border is the largest in years.",
          published="2031-05-09")
    text = r.documents["a"]["text"]
    for sentence in ("Troops are advancing after the junta launched its border offensive on Thursday.",
                     "General Oumar Sy launched the border offensive early on Thursday.",
                     "Rebels launched drones at the airport on Thursday."):
        s = _dated(r, "a", sentence, "on Thursday", "2031-05-08")
        r.times[-1].head = text.index("launched", s.start)
    assert [e.text[:10] for e in build_timeline(r.corpus())] == ["General Ou", "Rebels lau"]


def test_a_happening_told_by_its_month_beside_its_day_is_listed_once_by_its_day():
    r = Reports()
    r.add("a", "Dockers walked out on 4 March over pay.", published="2031-03-20")
    r.add("b", "Dockers walked out in March over pay, and the port stayed shut.", published="2031-03-22")
    r.add("c", "Lorry drivers blocked the bridge in March.", published="2031-03-22")
    for doc, sentence, phrase, value, precision in (
            ("a", "Dockers walked out on 4 March over pay.", "on 4 March", "2031-03-04", "day"),
            ("b", "Dockers walked out in March over pay, and the port stayed shut.", "in March", "2031-03", "month"),
            ("c", "Lorry drivers blocked the bridge in March.", "in March", "2031-03", "month")):
        s = _dated(r, doc, sentence, phrase, value, precision, predicate="walk" if doc != "c" else "block")
        r.times[-1].head = s.start + sentence.index("walked" if doc != "c" else "blocked")
    assert [(e.date, e.docs) for e in build_timeline(r.corpus())] == [("2031-03", ["c"]), ("2031-03-04", ["a"])]


def _ref(text: str, phrase: str, verb: str | None, value: str = "2031-04-07") -> TimeRef:
    at = text.index(phrase)
    return TimeRef("a", at, at + len(phrase), phrase, value, "day", head=text.index(verb) if verb else None)


def test_a_day_naming_a_thing_dates_only_a_past_act():
    cases = {
        ("Critics of Monday's warning say it came too late.", "Monday", "say"): True,
        ("Saturday's verdict has deepened divisions in the party.", "Saturday", "deepened"): True,
        ("Exporters say Thursday's blockade has cost them 40 million euros.", "Thursday", "cost"): True,
        ("His remarks Sunday again raise the possibility of a defeat.", "Sunday", "raise"): True,
        ("Monday's attack killed 12 people, the governor said.", "Monday", "killed"): False,
        ("He gave an example of Thursday's fire at the school.", "Thursday", "gave"): False,
        ("The minister said Wednesday he backed the plan.", "Wednesday", "said"): False,
        ("China imposed restrictions Monday on drone exports.", "Monday", "imposed"): False,
        ("Troops left the town on Monday.", "Monday", "left"): False,
        ("Officials say talks resume on Monday.", "Monday", "resume"): False,  # no possessive, not bare
        ("He spoke of the dead, saying in his Thursday night address that ...", "Thursday", "saying"): False,
        ("Critics of Monday's warning say it came too late.", "Monday", None): False,  # no parse: unknown
    }
    for (text, phrase, verb), expected in cases.items():
        assert names_a_thing(text, _ref(text, phrase, verb)) is expected, text


def test_a_possessive_day_on_a_present_clause_is_no_entry():
    r = Reports()
    r.add("a", "Critics of Monday's warning say it came too late. Monday's attack killed 12 people.",
          published="2031-04-08")
    text = r.documents["a"]["text"]
    for sentence, verb in (("Critics of Monday's warning say it came too late.", "say"),
                           ("Monday's attack killed 12 people.", "killed")):
        _dated(r, "a", sentence, "Monday", "2031-04-07")
        r.times[-1].head = text.index(verb, text.index(sentence))
    assert [e.text for e in build_timeline(r.corpus())] == ["Monday's attack killed 12 people."]


def test_a_person_acted_on_is_not_one_doing_with_that_persons_own_act():
    r = Reports()
    r.add("a", "Deputies voted on Tuesday to impeach President Ana Ruiz. Ruiz addressed the nation on Tuesday night.",
          published="2031-04-09")
    ruiz = "local:person:ana-ruiz"
    _dated(r, "a", "Deputies voted on Tuesday to impeach President Ana Ruiz.", "on Tuesday", "2031-04-08",
           actors=["local:org:deputies", ruiz], agent="local:org:deputies", predicate="vote")
    _dated(r, "a", "Ruiz addressed the nation on Tuesday night.", "on Tuesday night", "2031-04-08",
           actors=[ruiz], agent=ruiz, predicate="address")
    assert _people_doing(r.statements[0]) == set() and _people_doing(r.statements[1]) == {ruiz}
    assert len(build_timeline(r.corpus())) == 2
    # Her own two doings of the day in one report stay one entry.
    r.statements[0].agent, r.statements[0].actors = ruiz, [ruiz]
    assert len(build_timeline(r.corpus())) == 1


def test_a_date_far_into_a_relative_clause_dates_its_verb_only():
    far = ("Rifles of this kind were carried by the attackers who killed 144 people in the attack on the "
           "concert hall complex outside the capital in March.")
    assert not places(far, _ref(far, "in March", "killed", "2031-03"))
    main = ("Officials who spoke on condition of anonymity to reporters in the capital said that the army "
            "withdrew its troops from the border in March.")
    assert places(main, _ref(main, "in March", "withdrew", "2031-03"))


def test_one_past_act_earlier_this_month_is_a_happening_of_the_month():
    july = "2031-07-20"
    earlier = TimeRef("a", 0, 18, "earlier this month", "2031-07", "month", head=0)
    assert not own_month(earlier, july, past_act=True)
    assert own_month(earlier, july, past_act=False)
    assert own_month(TimeRef("a", 0, 10, "this month", "2031-07", "month", head=0), july, past_act=True)
    assert own_month(TimeRef("a", 0, 18, "earlier this month", "2031-07", "month"), july, past_act=True)  # unparsed
    r = Reports()
    r.add("a", "The mayor met the strikers in Lyon earlier this month. Prices are rising earlier this month.",
          published=july)
    text = r.documents["a"]["text"]
    for sentence, verb in (("The mayor met the strikers in Lyon earlier this month.", "met"),
                           ("Prices are rising earlier this month.", "rising")):
        _dated(r, "a", sentence, "earlier this month", "2031-07", "month")
        r.times[-1].head = text.index(verb)
    assert [(e.date, e.text) for e in build_timeline(r.corpus())] == [
        ("2031-07", "The mayor met the strikers in Lyon earlier this month.")]


def test_a_week_in_one_month_dates_its_happenings_by_that_month():
    from storyline.analysis.dating import week_as_month

    def ref(text, monday, ahead=False):
        return TimeRef("a", 0, len(text), text, monday, "week", ahead=ahead)

    # "last week" in a report of Sunday 9 February: 27 January to 2 February runs across two months.
    assert week_as_month(ref("last week", "2031-01-27"), "2031-02-09").precision == "week"
    # The week of 20 January lies in January.
    assert (week_as_month(ref("last week", "2031-01-20"), "2031-02-02").value, "month") == ("2031-01", "month")
    # "this week" up to a Wednesday 2 April: 31 March to 2 April runs across two months; from Thursday on it
    # would not matter, the days after the report are not counted.
    assert week_as_month(ref("this week", "2031-03-31"), "2031-04-02").precision == "week"
    assert week_as_month(ref("this week", "2031-03-24"), "2031-03-26").value == "2031-03"
    # "this weekend" is Saturday and Sunday: 1-2 March lie in March though the week began in February.
    assert week_as_month(ref("this weekend", "2031-02-24"), "2031-03-02").value == "2031-03"
    day = TimeRef("a", 0, 9, "on Monday", "2031-03-03", "day")
    assert week_as_month(day, "2031-03-05") is day
    r = Reports()
    r.add("a", "The minister resigned last week. Talks are going on this week. The mayor told reporters last week "
               "that the dam is safe.", published="2031-03-26")
    text = r.documents["a"]["text"]
    # Words dated only by their week are no happening: a telling is one of the day it was said.
    for sentence, phrase, monday, verb in (("The minister resigned last week.", "last week", "2031-03-17", "resigned"),
                                           ("Talks are going on this week.", "this week", "2031-03-24", "going"),
                                           ("The mayor told reporters last week that the dam is safe.", "last week",
                                            "2031-03-17", "told")):
        _dated(r, "a", sentence, phrase, monday, "week")
        r.times[-1].head = text.index(verb)
    assert [(e.date, e.precision, e.text) for e in build_timeline(r.corpus())] == [
        ("2031-03", "month", "The minister resigned last week.")]
