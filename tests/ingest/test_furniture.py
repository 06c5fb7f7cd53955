"""Page-furniture signals (rules, link and tag lists, buttons, credits, captions, footers) on invented lines."""

from __future__ import annotations

import pytest

from storyline.ingest import debris
from storyline.ingest import furniture as f
from storyline.ingest.clean import clean_text


@pytest.mark.parametrize(("line", "expected"), [("------", True), ("-- ", True), ("* * *", True), ("• • •", True),
                                               ("-", False), ("- 40 -", False), ("...", False)])
def test_rules(line: str, expected: bool) -> None:
    assert f.is_rule(line) is expected


@pytest.mark.parametrize(
    "line",
    ["Previous issue | Next issue | Archive", "About us · Privacy · Terms of use · Contact",
     "Home  /  World  /  Europe", "Unsubscribe | Update your preferences | Forward to a colleague",
     "Jane Doe · 4 June 2024 · 5 min read"],
)
def test_link_lists(line: str) -> None:
    assert f.is_link_list(line)


@pytest.mark.parametrize(
    "line",
    ["| Province | Turnout | Winner |", "North | 61% | 12,400 | 9,100", "World | Europe",
     "The vote was close | officials said. | A recount follows.", "and/or the river/canal/lake"],
)
def test_not_link_lists(line: str) -> None:
    assert not f.is_link_list(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Tags: floods, monsoon, relief", True), ("*Topics: Harbour · Strike · Ports*", True),
     ("Filed under: Asia | Weather", True), ("Tags on the cars were traced to a dealer.", False),
     ("Topics: the talks covered grain exports and the dam.", False)],
)
def test_tag_lists(line: str, expected: bool) -> None:
    assert f.is_tag_list(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("[Listen]  [Share]  [Save]", True), ("[ Post comment ]", True), ("[1]", True),
     ("[Photo] Smoke over the port", False), ("The [disputed] count resumed.", False)],
)
def test_buttons(line: str, expected: bool) -> None:
    assert f.is_buttons(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Reporting by Ana Lind; Editing by the World desk.", True), ("Additional reporting by Tomas Varga", True),
     ("Reporting by Ana Lind and Jo Park; editing by Sam Ray", True),
     ("Reporting by local media suggested the toll was higher.", False),
     ("Editing by hand took the clerks three weeks.", False)],
)
def test_credit_lines(line: str, expected: bool) -> None:
    assert f.is_credit_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Boats wait at the jetty on Tuesday. Photo: A. Person / Example Agency", True),
     ("*Crews clear the road. Photograph: Staff*", True), ("Smoke rises over the port. Image: social media", True),
     ("The photo, taken by a neighbour, was shared thousands of times.", False),
     ("Officials said the image: a burning depot, was fake.", False)],
)
def test_captions(line: str, expected: bool) -> None:
    assert f.is_caption(line) is expected


@pytest.mark.parametrize(
    ("line", "dated", "name"),
    [("Jane Doe, Nairobi", True, "Jane Doe"), ("Jane Doe, Nairobi", False, None),
     ("Ana Lind · 4 June 2024 · 6 min read", False, "Ana Lind"),
     ("Tomas Varga, The Example Herald", True, "Tomas Varga"), ("Rising Rivers, Falling Hopes", False, None),
     ("THE EXAMPLE HERALD, World", True, None), ("Floods in the north, officials say", True, None)],
)
def test_name_bylines(line: str, dated: bool, name) -> None:
    assert f.name_byline(line, dated) == name


@pytest.mark.parametrize(
    ("line", "reason"),
    [("Follow us: Instagram · X · YouTube", "share-widget"), ("Share:  [f]  [in]  [x]", "share-widget"),
     ("Comments are closed for this article.", "comment-form"),
     ("Reader comments (4) · Sort by: Newest", "comment-form"),
     ("Was this article useful? Yes / No", "feedback"), ("© Example News 2024", "copyright"),
     ("(c) Example News. Text may not be reproduced without permission.", "copyright"),
     ("(c) the committee shall seek permission by 2024.", None), ("Print this page", "navigation"),
     ("Get our weekly brief, free to your inbox. Subscribe here", "newsletter")],
)
def test_widget_and_notice_lines(line: str, reason) -> None:
    assert debris.line_pattern_reason(line) == reason


LEDE = ("Officials in the northern province said on Tuesday that floodwater had reached the outskirts of the "
        "regional capital, forcing the evacuation of two hospitals and a prison.")
MID = "Engineers expect the landing stages to reopen next week once divers have inspected the piles."


@pytest.mark.parametrize(
    "line",
    ["Reporting by local media suggested the toll was far higher than officials admitted.",
     "Comments from the minister drew criticism from opposition parties on Tuesday.",
     "The paper carries sponsored content from state agencies, critics said.",
     "The book may not be reproduced without permission, the publisher warned.",
     "This report was prepared by auditors who visited all twelve clinics in March.",
     "Follow us, the commander told the villagers, and you will be safe.",
     "Corrections officers at the prison went on strike over unpaid wages.",
     "Most read newspapers in the region ignored the story for a week.",
     "Save the Children said 40 schools had been damaged in the shelling."],
)
def test_prose_with_furniture_words_stays_anywhere(line: str) -> None:
    # The tail rules look at the last lines, so the sentence is tried in the middle and at the end.
    for text in (f"{LEDE}\n\n{line}\n\n{MID}", f"{LEDE}\n\n{MID}\n\n{line}", f"{LEDE}\n{MID}\n{line}"):
        assert line in clean_text(text).text


def test_page_furniture_around_a_report_is_removed() -> None:
    text = (
        "EXAMPLE HERALD\nWorld | Europe\n\n"
        "Floodwater reaches regional capital as hospitals and prison are evacuated\n\n"
        "Jane Doe, Harbour Town\n4 June 2024\nFollow us: Instagram · X\n\n"
        f"{LEDE}\n\n[Photo caption: Waves over the jetty. Photo: Staff]\n\n{MID}\n\n"
        "* * *\nReporting by Jane Doe; Editing by the News desk.\n"
        "Topics: Storms | Ferries | Harbour Town\nPrevious story | Next story | Archive\n"
        "Example Herald carries partner content from regional publishers.\n© Example Herald 2024"
    )
    r = clean_text(text)
    assert r.text == f"{LEDE}\n\n{MID}"
    assert r.hints["author"] == "Jane Doe"
    assert r.hints["title"] == "Floodwater reaches regional capital as hospitals and prison are evacuated"
    assert [s.reason for s in r.removed] == [
        "navigation", "title", "byline", "timestamp", "share-widget", "image-credit", "separator", "credits",
        "tags", "navigation", "footer", "copyright",
    ]
