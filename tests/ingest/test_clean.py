"""Unit and property tests of the debris cleaner, on invented reports and the team-written corpora (no model)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import storyline
from storyline.config import defaults
from storyline.ingest.clean import ZERO_WIDTH, clean_text
from storyline.ingest import bylines, debris
from storyline.ingest.loaders import LoadOptions, iter_path, read_manifest
from storyline.ingest.prepare import prepare
from storyline.models import RawInput

# --- fixtures: invented reports about other events ---------------------------------------------

FLOOD = """Home > World > Asia
Floods Leave Thousands Stranded Across Northern Bangladesh
By Rahima Akter, Climate Correspondent
Updated 4 June 2024, 09:15 GMT
Share on Facebook
Tweet
Email
Photo: A. Person/Example Agency

DHAKA, June 4 — Rising rivers have cut off hundreds of villages in northern Bangladesh, officials said on Tuesday, as relief teams struggled to reach thousands of stranded families sheltering on embankments and rooftops.

The water board said three rivers were above the danger mark.

Relief effort

Boats carrying rice, drinking water and oral saline left the district towns at dawn, but many crews turned back when the current grew too strong for their small outboard engines.

Sign up for our daily climate newsletter
Get the most important stories delivered to your inbox every morning.
Enter your email address
Subscribe

Local officials estimate that nearly forty thousand people have moved to flood shelters run by schools and mosques, and doctors warn that diarrhoea cases are climbing in the crowded camps.

Aid agencies appealed for more boats.

What comes next

Forecasters expect heavy rain to continue upstream for at least three more days, which would keep river levels high through the weekend and delay the return of displaced families to their fields.

Sources:
- Flood Forecasting and Warning Centre bulletin, 4 June 2024
- District relief office situation report, 3 June 2024

About the author
Rahima Akter is a climate correspondent based in Dhaka who has covered monsoon floods for a decade.

Related stories
• Cyclone warning lifted for coastal districts
• Rice prices climb after early monsoon rains
• How river erosion reshapes island communities

© 2024 Example News Group. All rights reserved.
"""

FLOOD_BODY = [
    "DHAKA, June 4 — Rising rivers have cut off hundreds of villages",
    "The water board said three rivers were above the danger mark.",
    "Relief effort",
    "Boats carrying rice, drinking water and oral saline",
    "Local officials estimate that nearly forty thousand people",
    "Aid agencies appealed for more boats.",
    "What comes next",
    "Forecasters expect heavy rain to continue upstream",
]

STRIKE = """Dockworkers Walk Out at Three Northern Ports

Thousands of dockworkers walked off the job at three northern ports on Monday, halting container traffic after talks over automation and pay collapsed late on Sunday night.

The union said the strike would last at least 72 hours.

Port authorities said more than forty ships were waiting at anchor by the afternoon, and freight forwarders warned that perishable cargo would begin to spoil within days.

Talks broke down over a plan to install automated cranes at the largest terminal, which union leaders say would eliminate hundreds of port jobs over the next five years.

Advertisement

The transport ministry urged both sides to return to the table and said it was ready to appoint a mediator if the dockworkers' stoppage continued into Thursday.

Celebrity chef opens rooftop restaurant downtown
2 hours ago
Local bakery wins regional award for sourdough
5 hours ago
Marathon organisers announce new autumn route
Yesterday
Load more
"""

ELECTION = """utm_source=newsletter&utm_medium=email
Opinion
Why the Disputed Count in Valdoria Will Not Settle Quietly
By Marta Kovacs, Senior Fellow at the Institute for Electoral Studies

The electoral commission of Valdoria certified the disputed presidential count on Friday, eleven days after polls closed, but the opposition has already filed challenges in four provinces and its supporters have camped outside the commission building.

Observers from regional bodies reported long delays in the transmission of tally sheets from rural districts, a gap that both camps now read as evidence of the other side's manipulation.

Observers from regional bodies reported long delays in the transmission of tally sheets from rural districts, a gap that both camps now read as evidence of the other side's manipulation.

The constitutional court has thirty days to rule. Until then, the incumbent remains in office, and the streets of the capital are likely to stay tense while both camps count their allies.

The opinions expressed in this commentary are the author's own and do not necessarily reflect the views of this publication.

Bibliography
1. Lindqvist, Ana. Counting Under Pressure: Election Administration in Transition States. Oxford: Example Press, 2019.
2. Regional Observer Mission. Preliminary Statement on the Presidential Election. Vienna, 2024.

(This article was originally published in The Meridian Quarterly.)

Marta Kovacs
Marta Kovacs is a senior fellow who studies electoral disputes in Central Europe.

3 Comments
Leave a Reply
Cancel reply
Your email address will not be published.
Comment *
Name *
Required fields are marked *
Save my name, email, and website in this browser for the next time I comment.
"""


def _norm(s: str) -> str:
    return " ".join(s.split())


def _reasons(result) -> list[tuple[str, str]]:
    return [(s.reason, _norm(s.text)) for s in result.removed]


def _check_spans(text: str, result) -> None:
    """Spans point into the input, come in order and do not overlap."""
    last_end = 0
    for s in result.removed:
        assert text[s.start : s.end] == s.text
        assert s.start >= last_end and s.end > s.start
        last_end = s.end


# --- fixture tests ----------------------------------------------------------------------------


def test_flood_report_removes_exactly_the_debris() -> None:
    r = clean_text(FLOOD)
    _check_spans(FLOOD, r)
    assert _reasons(r) == [
        ("navigation", "Home > World > Asia"),
        ("title", "Floods Leave Thousands Stranded Across Northern Bangladesh"),
        ("byline", "By Rahima Akter, Climate Correspondent"),
        ("timestamp", "Updated 4 June 2024, 09:15 GMT"),
        ("share-widget", "Share on Facebook Tweet Email"),
        ("image-credit", "Photo: A. Person/Example Agency"),
        ("newsletter", "Sign up for our daily climate newsletter Get the most important stories delivered to your "
         "inbox every morning. Enter your email address Subscribe"),
        ("references", "Sources: - Flood Forecasting and Warning Centre bulletin, 4 June 2024 - District relief "
         "office situation report, 3 June 2024"),
        ("author-bio", "About the author Rahima Akter is a climate correspondent based in Dhaka who has covered "
         "monsoon floods for a decade."),
        ("related-links", "Related stories • Cyclone warning lifted for coastal districts • Rice prices climb after "
         "early monsoon rains • How river erosion reshapes island communities"),
        ("copyright", "© 2024 Example News Group. All rights reserved."),
    ]
    assert r.hints == {
        "title": "Floods Leave Thousands Stranded Across Northern Bangladesh",
        "author": "Rahima Akter",
        "author_role": "Climate Correspondent",
        "dateline": "June 4",
    }
    assert r.references == [
        "Flood Forecasting and Warning Centre bulletin, 4 June 2024",
        "District relief office situation report, 3 June 2024",
    ]


def test_flood_report_keeps_every_body_paragraph_in_order() -> None:
    paras = clean_text(FLOOD).text.split("\n\n")
    assert len(paras) == len(FLOOD_BODY)
    for para, opening in zip(paras, FLOOD_BODY):
        assert para.startswith(opening)


def test_related_cards_with_relative_times_are_removed() -> None:
    r = clean_text(STRIKE)
    _check_spans(STRIKE, r)
    assert [s.reason for s in r.removed] == ["title", "advertisement", "related-links"]
    related = r.removed[-1].text
    assert related.startswith("Celebrity chef") and related.endswith("Load more")
    assert r.hints == {"title": "Dockworkers Walk Out at Three Northern Ports"}
    paras = r.text.split("\n\n")
    assert len(paras) == 5
    assert paras[1] == "The union said the strike would last at least 72 hours."
    assert paras[-1].endswith("continued into Thursday.")


def test_opinion_page_tokens_notes_bio_and_comment_form() -> None:
    r = clean_text(ELECTION)
    _check_spans(ELECTION, r)
    assert [s.reason for s in r.removed] == [
        "tracking-token", "navigation", "title", "byline", "repeated-paragraph", "disclaimer",
        "references", "republished-note", "author-bio", "comment-form",
    ]
    assert r.hints == {
        "title": "Why the Disputed Count in Valdoria Will Not Settle Quietly",
        "author": "Marta Kovacs",
        "author_role": "Senior Fellow at the Institute for Electoral Studies",
        "republished_from": "The Meridian Quarterly",
    }
    assert len(r.references) == 2 and r.references[0].startswith("Lindqvist, Ana.")
    paras = r.text.split("\n\n")
    assert len(paras) == 3
    assert paras[1].startswith("Observers from regional bodies")  # the first copy stays
    assert r.removed[-1].text.startswith("3 Comments") and r.removed[-1].text.endswith("next time I comment.")


@pytest.mark.parametrize("text", [FLOOD, STRIKE, ELECTION])
def test_cleaning_is_idempotent_on_fixtures(text: str) -> None:
    once = clean_text(text)
    twice = clean_text(once.text)
    assert twice.text == once.text
    assert twice.removed == []


def test_middle_prose_is_never_removed_even_when_off_topic() -> None:
    body = (
        "The ferry operator suspended crossings on the estuary after the storm damaged two landing stages.\n\n"
        "Meanwhile a local choir rehearsed its spring programme in the town hall, with the conductor praising "
        "the tenors and the new piano donated by a retired teacher last winter.\n\n"
        "Engineers expect the landing stages to reopen next week once divers have inspected the piles."
    )
    r = clean_text(body)
    assert r.removed == [] and r.text == body


def test_short_headings_and_one_sentence_paragraphs_stay() -> None:
    text = (
        "Residents of the valley were told to boil water after the treatment plant flooded overnight.\n\n"
        "Background\n\n"
        "The plant was built in 1974 and serves about twelve thousand homes.\n\n"
        "It flooded once before.\n\n"
        "Official Response\n\n"
        "The council said tankers would deliver drinking water to every street by Wednesday evening."
    )
    r = clean_text(text)
    assert r.removed == []
    assert r.text == text


def test_whitespace_is_normalised() -> None:
    text = "  First line of the report, with   extra\u00a0spaces.   \r\nSecond line.\t\n\n\n\n\nNext para\u200bgraph here.  "
    r = clean_text(text)
    assert r.text == "First line of the report, with extra spaces.\nSecond line.\n\nNext paragraph here."


def test_repeated_line_inside_a_paragraphless_scrape() -> None:
    line = "Rescue teams reached the last cut-off village late on Thursday evening."
    text = f"{line}\nThe road was reopened on Friday morning after repairs.\n{line}"
    r = clean_text(text)
    assert [s.reason for s in r.removed] == ["repeated-paragraph"]
    assert r.removed[0].start == text.rindex(line)
    assert r.text.count(line) == 1


def test_empty_and_blank_inputs() -> None:
    assert clean_text("").text == ""
    assert clean_text(" \n\n \t\n").text == ""
    assert clean_text("").removed == []


# --- signal helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["August 3, 2025 at 6:30:00 PM", "2 hours ago", "Updated: 4 June 2024 09:15 GMT", "2024-06-04T10:00:00Z",
     "Published 12:30 pm, June 4, 2024", "Yesterday", "Tue 4 Jun 2024 14.05 BST"],
)
def test_timestamps(line: str) -> None:
    assert debris.is_timestamp(line)


@pytest.mark.parametrize(
    "line",
    ["June 4 was the wettest day on record.", "The count resumed at 9:00 after a pause.", "Relief effort", "2024"],
)
def test_not_timestamps(line: str) -> None:
    assert not debris.is_timestamp(line)


@pytest.mark.parametrize("tok", ["gtm", "pxl", "utm_source=feed&utm_medium=rss", "a3f9c2d41b7e", "sdk_9b2e71f0"])
def test_tracking_tokens(tok: str) -> None:
    assert debris.is_tracking_token(tok)


@pytest.mark.parametrize("tok", ["ok", "rain", "Dhaka", "2024", "COVID-19", "floods", "hmm yes"])
def test_not_tracking_tokens(tok: str) -> None:
    assert not debris.is_tracking_token(tok)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe, Senior Fellow at X", ("Jane Doe", "Senior Fellow at X")),
        ("By Tomas Varga and Ana Lind", ("Tomas Varga and Ana Lind", "")),
        ("Written by Ann Lee | June 4, 2024", ("Ann Lee", "")),
        ("By Tuesday, the water had receded.", None),
        ("By submitting your email, you agree to our terms", None),
    ],
)
def test_bylines(line: str, expected) -> None:
    assert bylines.parse_byline(line) == expected


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("(This post is republished from The Example Review.)", "The Example Review"),
        ("This article was originally published on Harbour Notes on 3 May 2024.", "Harbour Notes"),
        ("A version of this story first appeared in The Weekly Ledger.", "The Weekly Ledger"),
        ("The story was published in several papers across the region last year, officials said.", None),
    ],
)
def test_republished_notes(line: str, source) -> None:
    assert bylines.republished_source(line) == source


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("KYIV, March 3 (Example Agency) - Officials said", "March 3"),
        ("DHAKA, June 4 — Rising rivers", "June 4"),
        ("PORT LOUIS, 12 January 2024 – The strike", "12 January 2024"),
        ("Officials said on March 3 - nothing more", None),
    ],
)
def test_datelines(line: str, date) -> None:
    assert bylines.dateline_date(line) == date


def test_reason_of_body_sentences_with_boilerplate_words_is_none() -> None:
    for line in [
        "The minister said the views expressed by the governor did not reflect the cabinet's position.",
        "Residents shared photos of the flood on social media as the water rose.",
        "More than two hundred people were evacuated from the low-lying district.",
    ]:
        assert debris.line_pattern_reason(line) is None


# --- team-written corpora: every listed debris item goes, every listed body line stays ----------

CORPORA = [Path(storyline.__file__).parent / "data" / "example",
           *sorted((Path(__file__).resolve().parents[1] / "fixtures" / "stories").glob("*/"))]
# (folder, file, text) of debris no general rule can tell from body; each entry says why. Empty: none needed.
UNREMOVABLE: frozenset[tuple[str, str, str]] = frozenset()


def _expected_items() -> list[tuple[Path, str, str, str]]:
    """(folder, file, "debris" or "body", text) for every item the corpora's expected.json files list."""
    items = []
    for folder in CORPORA:
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        for kind, key in (("debris", "debris"), ("body", "body_must_remain")):
            items += [(folder, it["file"], kind, it["text_contains"]) for it in expected[key]]
    return items


_PREPARED: dict[Path, str] = {}


def _prepared_text(path: Path) -> str:
    """The document text ingest keeps for one file (HTML extraction, Markdown, cleaning), whitespace-normalised."""
    if path not in _PREPARED:
        manifest = path.parent / "manifest.json"
        fields = read_manifest(manifest).get(path.name, {}) if manifest.is_file() else {}
        raw = next(x for x in iter_path(path, LoadOptions()) if isinstance(x, RawInput))
        raw.fields = {**fields, **raw.fields}
        _PREPARED[path] = _norm(prepare(raw, defaults())[0].text)
    return _PREPARED[path]


@pytest.mark.parametrize(("folder", "name", "kind", "text"), _expected_items(),
                         ids=lambda v: v.name if isinstance(v, Path) else str(v)[:40])
def test_corpus_debris_goes_and_body_stays(folder: Path, name: str, kind: str, text: str) -> None:
    cleaned = _prepared_text(folder / name)
    # The cleaner collapses runs of whitespace, so the listed text is compared the same way.
    if kind == "body":
        assert _norm(text) in cleaned
    elif (folder.name, name, text) not in UNREMOVABLE:
        assert _norm(text) not in cleaned


# --- properties -------------------------------------------------------------------------------

_SQUASH = re.compile(rf"[\s{ZERO_WIDTH}]+")


def _squash(s: str) -> str:
    return _SQUASH.sub("", s)


def _kept_input(text: str, result) -> str:
    """The input with every removed span cut out."""
    out, pos = [], 0
    for s in result.removed:
        out.append(text[pos : s.start])
        pos = s.end
    out.append(text[pos:])
    return "".join(out)


def _check_invariants(text: str) -> None:
    r = clean_text(text)
    _check_spans(text, r)
    # Sound and exact: the output is the input minus the removed spans, up to whitespace and
    # zero-width characters, so no visible character is lost or invented.
    assert _squash(r.text) == _squash(_kept_input(text, r))
    assert "\n\n\n" not in r.text
    assert r.text == r.text.strip()
    assert all(line == line.rstrip() for line in r.text.split("\n"))


_DEBRIS_LINES = st.sampled_from([
    "Share on Facebook", "Tweet", "Leave a Reply", "Photo: A. Person/Agency", "2 hours ago", "By Jane Doe",
    "By", "References", "Sources:", "- Doe, J. A Study of Floods. London: Press, 2001.", "Related stories",
    "• Headline about something else", "Load more", "Advertisement", "gtmx", "About the author", "Jane Doe",
    "Jane Doe is a writer.", "(This post is republished from Somewhere.)", "Teaser text that is cut off here...",
    "KYIV, March 3 (Agency) - Talks resumed.", "Title Case Headline Here", "3 Comments", "Home > News > World",
    "------", "* * *", "Tags: floods, relief", "Previous | Next | Archive", "[Listen]  [Share]", "© Example 2024",
    "Reporting by Jane Doe; Editing by the desk.", "Jane Doe · 4 June 2024 · 5 min read", "Jane Doe, Dhaka",
    "Example carries partner content from others.", "Boats at the jetty. Photo: Staff", "Follow us: X · Y",
])
_LINES = st.lists(st.one_of(_DEBRIS_LINES, st.text(max_size=60)), max_size=25)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text_invariants(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES, st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
def test_debris_shaped_text_invariants(lines: list[str], sep: str) -> None:
    _check_invariants(sep.join(lines))


@settings(max_examples=100)
@given(st.text(st.characters(codec=None, exclude_categories=()), max_size=80))
def test_lone_surrogates_do_not_break_cleaning(text: str) -> None:
    _check_invariants(text)


_WORDS = ("river village council harbour engineer farmer teacher bridge market rain wind road school clinic "
          "boat crew water night week district family station office report plan crop field").split()
_VERBS = "reached closed opened repaired visited inspected counted moved checked built".split()


@st.composite
def _sentence(draw) -> str:
    subject = draw(st.sampled_from(_WORDS))
    rest = draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=12))
    return f"The {subject} {draw(st.sampled_from(_VERBS))} the {' '.join(rest)}."


_PARAGRAPH = st.lists(_sentence(), min_size=1, max_size=4).map(" ".join)
_HEADING = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(lambda ws: " ".join(ws).title())


@st.composite
def _body(draw) -> str:
    paras = draw(st.lists(_PARAGRAPH, min_size=1, max_size=8, unique=True))
    out = [paras[0]]
    for p in paras[1:]:
        if draw(st.booleans()):
            out.append(draw(_HEADING))  # a heading is always followed by a paragraph
        out.append(p)
    return "\n\n".join(out)


@settings(max_examples=200)
@given(_body())
def test_body_only_text_is_untouched_and_cleaning_is_idempotent(text: str) -> None:
    r = clean_text(text)
    assert r.removed == []
    assert r.text == text
    assert clean_text(r.text).text == r.text


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
def test_cleaning_reaches_a_fixed_point(lines: list[str]) -> None:
    # A later pass may find debris an earlier one uncovered (e.g. a new first line); each such pass
    # only removes text, so repeated cleaning settles.
    current = clean_text("\n\n".join(lines)).text
    for _ in range(len(lines) + 1):
        nxt = clean_text(current).text
        if nxt == current:
            return
        assert len(_squash(nxt)) < len(_squash(current))
        current = nxt
    pytest.fail("cleaning did not settle")


@pytest.mark.parametrize("text, heading", [
    ("Floods In The Valley of the Rhine After Days of Rain – Rescue teams reached the village on Friday, "
     "the district office said.", "Floods In The Valley of the Rhine After Days of Rain –"),
    ("Strike at the Port of Durban Enters Its Second Week — Dockers rejected the latest wage offer on Monday, "
     "their union said.", "Strike at the Port of Durban Enters Its Second Week —"),
    # a list of names joined by "and" is no heading; nor a dateline in capitals; nor a dash inside a sentence
    ("Prime Minister Ana Costa and President Luis Arce – The two leaders met in La Paz on Tuesday to talk trade.", None),
    ("LA PAZ, BOLIVIA – The two leaders met on Tuesday to talk about trade and the border.", None),
    ("The Minister of Energy said – and this matters – that the grid would hold through the winter.", None),
])
def test_a_heading_glued_to_its_paragraph_is_split_off(text: str, heading: str | None) -> None:
    result = clean_text(text)
    removed = [(s.reason, s.text) for s in result.removed]
    if heading is None:
        assert result.text == text and removed == []
    else:
        assert removed == [("heading", heading)]
        assert result.text == text[len(heading):].strip()
        [span] = result.removed
        assert text[span.start : span.end] == heading


def test_related_lead_in_glued_to_its_teaser_is_removed() -> None:
    teaser = ("Other Stories of Interest Harbour Cranes Idle as Port Talks Stall Dockworkers in the southern port "
              "said they would not return until the bonus dispute is settled.")
    text = (
        "The regional water authority lifted the boil notice for the eastern districts on Friday morning.\n\n"
        f"{teaser}\n\n"
        "Engineers said the last samples from the reservoir had come back clean after a week of testing."
    )
    r = clean_text(text)
    _check_spans(text, r)
    assert [(s.reason, s.text) for s in r.removed] == [("related-teaser", teaser)]
    assert r.text.split("\n\n")[1].startswith("Engineers said")


@pytest.mark.parametrize("line", [
    "Other stories were told by residents who had stayed behind when the water rose.",  # lower case: prose
    "More news conferences are planned before the vote, the commission said on Monday.",
    "Read also the annex, which lists every polling station where the count was repeated.",
    "See also Figure 3 in the appendix for the monthly rainfall.",  # one capitalised word is no headline
])
def test_sentences_that_open_like_a_related_lead_in_stay(line: str) -> None:
    assert not debris.glued_related_teaser(line)
    text = f"The count resumed in the capital on Tuesday after a two-day pause.\n\n{line}"
    assert clean_text(text).removed == []


@pytest.mark.parametrize("line", [
    "The rest of the article is below the video.",
    "Continuation of the material under the podcast",
    "You can read more about the flood relief here.",
    "More news from the region on our main page",
    "Further information is available at the portal's home page of the broadcaster.",
    "For more information, please visit the broadcaster",
    "Read more of the latest reports on example-news.com.",
    "NEW: You can now listen to our weekend features!",
    "See the video: the mayor tours the flooded district",
    "WATCH VIDEO Farmers block the ring road",
    "The station is now on YouTube. Click here to subscribe and watch our explainers.",
])
def test_pointers_to_the_outlets_other_pages_are_debris(line: str) -> None:
    assert debris.line_pattern_reason(line) is not None


@pytest.mark.parametrize("line", [
    "Residents can find more information on the council's website.",
    "He said the rest of the convoy was held up behind the checkpoint.",
    "Officials said more information would be available on the ministry website.",
    "Countries that subscribe to the treaty and to its protocols agreed to the inspections.",
    "The minister urged people to read the full report here in the capital.",
    "Read more about the talks in the capital.",
    "The governor appeared in a video posted on Sunday, walking through the damaged school.",
])
def test_body_sentences_that_speak_of_reading_or_videos_stay(line: str) -> None:
    assert debris.line_pattern_reason(line) is None
