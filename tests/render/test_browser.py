"""The briefing in a real browser: headless Chromium (Debian's package, `make browser`) driven by
Playwright. Sections show, a citation opens on its source sentence, "full report" highlights the
cited characters in the right report, nothing is fetched, and report text stays inert."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import pytest

from storyline.render.briefing import render_html

from tests.render.test_briefing import contract

pytestmark = pytest.mark.integration

CHROMIUM = Path("/usr/bin/chromium")
# This machine's network is closed; without these Chromium can stall on background connections.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SECTIONS = ["bottom-line", "figures", "disputed", "actors", "options", "implications", "timeline",
            "quotes", "sources", "reports"]
TITLE = "Situation briefing"
PWNED = "pwned"


@pytest.fixture(scope="module")
def browser():
    """A Chromium context with a fresh profile; skips only where no browser can be started."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (run `make browser` as root to install Debian's chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        pytest.skip(f"playwright's Python package is not importable: {error}")
    with tempfile.TemporaryDirectory(prefix="storyline-chromium-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1100, "height": 900}, timeout=30_000)
        context.set_default_timeout(10_000)
        try:
            yield context
        finally:
            context.close()


class Watched:
    """A page with every request, dialog and script error it produces recorded."""

    def __init__(self, context, path: Path):
        self.url = path.resolve().as_uri()
        self.page = context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.goto(self.url, wait_until="load")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def assert_clean(self) -> None:
        assert self.page.title() == TITLE
        assert self.dialogs == []
        assert self.errors == []
        assert self.requests == [self.url], "the page fetched something besides itself"


def _doc_text(page, doc: str) -> str:
    return page.eval_on_selector(f'.text[data-doc="{doc}"]', "el => el.textContent")


def _check_briefing(context, html_path: Path, shot: Path) -> dict:
    """Open a briefing, walk its first citation through, screenshot it; returns what was seen."""
    from playwright.sync_api import expect

    watched = Watched(context, html_path)
    page = watched.page
    for key in SECTIONS:
        expect(page.locator(f"section#{key}")).to_be_visible()
        expect(page.locator(f"section#{key} > h2")).to_be_visible()

    cite = page.locator("details.cite").first
    doc, start, end = (cite.get_attribute(a) for a in ("data-doc", "data-start", "data-end"))
    start, end = int(start), int(end)
    expected = _doc_text(page, doc)[start:end]  # Python slices code points, as the offsets count
    assert expected.strip(), "the first citation points at an empty span"

    sentence = cite.locator("mark.sentence")
    expect(sentence).to_be_hidden()
    cite.locator("summary").click()
    expect(sentence).to_be_visible()
    assert sentence.text_content() == expected

    cite.locator("a.open").click()
    hit = page.locator(f'#doc-{doc} .text[data-doc="{doc}"] mark.hit')
    expect(hit).to_have_count(1)
    expect(hit).to_be_in_viewport()
    assert page.locator("mark.hit").count() == 1
    assert hit.text_content() == expected
    assert _doc_text(page, doc)[start:end] == expected  # highlighting left the text as it was
    assert page.url.endswith(f"#doc-{doc}")

    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shot), full_page=True)
    print(f"briefing screenshot: {shot}")
    watched.assert_clean()
    seen = {"cites": page.locator("details.cite").count(), "doc": doc, "sentence": expected}
    page.close()
    return seen


def test_contract_briefing_in_chromium(browser, tmp_path):
    html = tmp_path / "briefing.html"
    html.write_text(render_html(contract()), encoding="utf-8")
    seen = _check_briefing(browser, html, tmp_path / "briefing.png")
    assert seen["cites"] > 3
    assert (tmp_path / "briefing.png").stat().st_size > 10_000


def test_example_corpus_briefing_in_chromium(browser, example_run, tmp_path):
    paths, _ = example_run
    seen = _check_briefing(browser, paths["html"], tmp_path / "briefing.png")
    assert seen["cites"] > 20


HOSTILE = (f"<script>document.title='{PWNED}';alert('script')</script>"
           f'<img src="x" onerror="document.title=\'{PWNED}\';alert(\'img\')">'
           f'<a href="javascript:document.title=\'{PWNED}\';alert(\'link\')" id="evil">click me</a>')


def test_hostile_report_markup_is_inert_in_chromium(browser, tmp_path):
    data = copy.deepcopy(contract())
    doc = data["documents"][0]
    shift = len(HOSTILE) + 1
    doc["text"] = HOSTILE + " " + doc["text"]
    doc["title"] = HOSTILE
    doc["outlet"] = HOSTILE
    data["entities"][0]["name"] = HOSTILE
    for kind in ("statements", "figures", "quotes"):  # offsets into the longer text
        for record in data[kind]:
            if record["doc"] == doc["id"]:
                record["start"] += shift
                record["end"] += shift
    for entity in data["entities"]:
        for mention in entity["mentions"]:
            mention["start"] += shift
            mention["end"] += shift
    for conflict in data["conflicts"]:
        for side in conflict["sides"]:
            if side["doc"] == doc["id"]:
                side["start"] += shift
                side["end"] += shift
    html = tmp_path / "briefing.html"
    html.write_text(render_html(data), encoding="utf-8")

    watched = Watched(browser, html)
    page = watched.page
    for summary in page.locator("details.cite > summary").all():  # open every citation
        summary.click()
    for link in page.locator(f'a.open[data-doc="{doc["id"]}"]').all():  # highlight in the hostile report
        link.click()
    page.locator(f'#doc-{doc["id"]} h3').click()
    page.wait_for_timeout(300)

    assert page.locator("img, iframe, object, embed").count() == 0
    assert page.locator("#evil").count() == 0
    assert page.locator("script").count() == 1  # Storyline's own
    assert page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(el =>
        [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))""") == []
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith("#") for h in hrefs)
    assert _doc_text(page, doc["id"]).startswith(HOSTILE)  # shown as text, character for character
    assert HOSTILE in page.locator(f'#doc-{doc["id"]} h3').text_content()
    watched.assert_clean()
    assert page.title() == TITLE and PWNED not in page.title()
    page.close()
