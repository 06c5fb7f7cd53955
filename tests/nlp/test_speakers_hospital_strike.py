"""Quote speakers and figure sources end to end on one report of our own about a nurses' strike: many
speakers, pronouns, a ministry and its "it", a spokesman, a relative clause, a relay, a letter that speaks
for the body that wrote it, an audit an outlet only saw, an unnamed porter and a quotation that runs on
into the next paragraph."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.nlp.speaker_story import wrong_sources, wrong_speakers

pytestmark = pytest.mark.integration

# Invented: the strike, the hospital, every person and every figure are fictional; Zimbabwe, Bulawayo,
# Harare and the health ministry's name are real. No real strike is described.
REPORT = """BULAWAYO, Zimbabwe (Plains Wire) - Nurses at Lobengula General Hospital walked off the job on Monday, leaving about 400 patients in the care of a skeleton staff, according to the hospital's management.

"We have waited eleven months for the allowances we were promised," said Tendai Moyo, who chairs the hospital branch of the Zimbabwe Nurses Federation. "Nobody in Harare has answered a single letter."

She said 1,150 nurses had joined the stoppage by midday.

The Ministry of Health and Child Care said in a statement that 62 per cent of nurses had reported for duty across the province. The ministry added that talks with the federation would resume on Thursday. It said army doctors would stay at the hospital until Friday.

Hospital director Farai Ncube told the Chronicle newspaper that the maternity ward had been closed and that 38 mothers had been moved to private clinics. He said the army had sent 25 medical officers to cover the emergency unit.

An internal audit seen by Plains Wire says the hospital owes its suppliers $2.3 million.

State broadcaster ZBC, citing a doctor at the hospital, reported that three patients had died since the strike began.

"The wards are quiet and the corridors are full," said a porter who asked not to be named.

The federation's letter to the health minister, released on Tuesday, reads: "Our members cannot feed their families on promises."

Health Minister Rudo Chikore, who visited the hospital on Tuesday afternoon, said the government had set aside 14 million dollars for back pay. "The money is there," she told reporters. "It will reach the nurses before the end of the month."

The provincial medical director, Sipho Ndlovu, who spoke after the minister, said the province had hired 90 temporary nurses.

The federation dismissed the offer. Its spokesman, Blessing Dube, said the same amount had been promised in March and never paid.

"We will not go back," Moyo said on Wednesday evening.

"Not until the money is in our accounts."
"""

MOYO, MINISTRY, NCUBE = "Tendai Moyo", "Ministry of Health and Child Care", "Farai Ncube"
CHIKORE, NDLOVU, DUBE = "Rudo Chikore", "Sipho Ndlovu", "Blessing Dube"
FEDERATION = "Zimbabwe Nurses Federation"

# Each quote's words and who says them (None: a source the report does not name).
SPEAKERS = {
    "We have waited eleven months": MOYO,
    "Nobody in Harare has answered": MOYO,  # the quotation goes on after its cue
    "1,150 nurses had joined": MOYO,  # "She"
    "62 per cent of nurses": MINISTRY,
    "talks with the federation would resume": MINISTRY,  # "The ministry"
    "army doctors would stay": MINISTRY,  # "It"
    "the maternity ward had been closed": NCUBE,
    "the army had sent 25 medical officers": NCUBE,  # "He"
    "owes its suppliers $2.3 million": None,  # an audit no one the report names made; the outlet only saw it
    "three patients had died": None,  # an unnamed doctor, relayed by the broadcaster
    "The wards are quiet": None,  # an unnamed porter
    "cannot feed their families": FEDERATION,  # the federation's letter
    "set aside 14 million dollars": CHIKORE,  # a name with a "who" clause between it and its cue
    "The money is there": CHIKORE,
    "It will reach the nurses": CHIKORE,
    "hired 90 temporary nurses": NDLOVU,
    "promised in March and never paid": DUBE,  # "Its spokesman, Blessing Dube"
    "We will not go back": MOYO,
    "Not until the money is in our accounts": MOYO,  # a quotation that runs on into the next paragraph
}

# Each figure and who gives it (None: the report's own figure, or one from a source it does not name).
SOURCES = {
    "1,150 nurses": MOYO,
    "62 per cent": MINISTRY,
    "38 mothers": NCUBE,
    "25 medical officers": NCUBE,
    "$2.3 million": None,  # an audit the outlet saw: not the outlet's
    "three patients": None,
    "14 million dollars": CHIKORE,
    "90 temporary nurses": NDLOVU,
}


@pytest.fixture(scope="module")
def doc(parse):
    return parse(REPORT, published=dt.date(2026, 3, 10), doc_id="hospital-strike")



def test_hospital_strike_every_quote_has_its_speaker(doc):
    assert wrong_speakers(doc, SPEAKERS) == []


def test_hospital_strike_reactions_and_requests_are_no_quotes(doc):
    # "dismissed the offer" answers words said before; "asked not to be named" is the porter's wish
    texts = [doc.text[q.start:q.end] for q in doc._.quotes]
    assert not [t for t in texts if t in ("the offer", "not to be named")]
    # every quote is one of the planted ones
    assert [t for t in texts if not any(words in t for words in SPEAKERS)] == []


def test_hospital_strike_relay_keeps_the_broadcaster_as_a_hop(doc):
    (quote,) = [q for q in doc._.quotes if "three patients" in q.text]
    assert quote.speaker is None and quote.speaker_text == "a doctor at the hospital"
    assert "ZBC" in (quote.via_text or "")


def test_hospital_strike_every_figure_has_its_source(doc):
    assert wrong_sources(doc, SOURCES) == []
    # the management's count stays with no person: the hospital is no one the report quotes by name
    (count,) = [f for f in doc._.figures if f.text == "about 400 patients"]
    assert count.attributed_to not in {q.speaker for q in doc._.quotes if q.speaker}
