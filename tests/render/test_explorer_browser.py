"""The explorer in headless Chromium (Playwright): every view, filters, the evidence panel, the
network and timeline, shared links, no requests and no script errors, and hostile report
text inert in every view. Screenshots of each view are saved in the test's tmp folder."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from storyline.render.explorer import render_explorer

from tests.render.test_briefing import contract
from tests.render.test_browser import browser  # noqa: F401  (the Chromium fixture)

pytestmark = pytest.mark.integration

VIEWS = ["briefing", "claims", "figures", "timeline", "network", "sources"]
TITLE = "Storyline explorer"
PWNED = "pwned"


class Page:
    """An explorer page with its requests, dialogs and script errors recorded."""

    def __init__(self, context, url: str):
        self.page = context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.goto(url, wait_until="load")
        self.page.wait_for_selector("body[data-ready='1']")

    def view(self, name: str) -> None:
        self.page.click(f'#tabs a[data-view="{name}"]')
        self.page.wait_for_selector(f'#view[data-view="{name}"]')
        if name in ("timeline", "network", "figures"):
            self.page.wait_for_timeout(400)  # the widgets draw on the next frame

    def assert_clean(self, url: str) -> None:
        assert self.errors == [] and self.dialogs == []
        assert all(r.split("#")[0] == url.split("#")[0] for r in self.requests), self.requests
        assert self.page.title() == TITLE


def _cited(page) -> tuple[str, int, int, str]:
    main = page.locator("#evidence .span.main").first
    main.wait_for()
    doc, start, end = (main.get_attribute(a) for a in ("data-doc", "data-start", "data-end"))
    return doc, int(start), int(end), main.locator("mark.cited").text_content()


def _statement_actors(data: dict, cluster: dict) -> set[str]:
    by_id = {s["id"]: s for s in data["statements"]}
    found = set()
    for sid in cluster["statements"]:
        s = by_id.get(sid)
        if s:
            found |= set(s.get("actors") or []) | ({s["source"]} if s.get("source") else set())
    return found


def _walk(context, html: Path, data: dict, shots: Path) -> dict:
    """Visit every view, filter, open evidence, click the network and timeline, reload the link."""
    url = html.resolve().as_uri()
    p = Page(context, url)
    page = p.page
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for name in VIEWS:
        p.view(name)
        page.screenshot(path=str(shots / f"{name}.png"))

    # The briefing view leads with the briefing's own bottom line, each line opening its first citation;
    # no raw record id ("author:<doc>") is shown where a name belongs.
    p.view("briefing")
    facts = [b for b in data.get("bottom_line", []) if b["kind"] != "commentary"][:10]
    if facts:
        links = page.locator("#view section", has=page.locator("h2", has_text="Bottom line")).locator("a.ev")
        assert links.all_text_contents() == [b["text"] for b in facts]
        links.first.click()
        first = facts[0]["evidence"][0]
        assert _cited(page)[:3] == (first["doc"], first["start"], first["end"])
    assert "author:" not in page.inner_text("#view")

    # Claims filtered by an actor: every claim left mentions that actor.
    p.view("claims")
    total = page.locator("#claims-table tbody tr").count()
    actor = page.locator("#f-actor option").nth(1).get_attribute("value")
    page.select_option("#f-actor", actor)
    page.wait_for_function("() => location.hash.includes('actor=')")
    shown = page.eval_on_selector_all("#claims-table tbody tr", "rows => rows.map(r => r.dataset.claim)")
    assert 0 < len(shown) <= total
    clusters = {c["id"]: c for c in data["clusters"]}
    assert all(actor in _statement_actors(data, clusters[c]) for c in shown)

    # The evidence panel highlights exactly the cited span of a member statement.
    page.locator("#claims-table a.ev").first.click()
    doc, start, end, marked = _cited(page)
    assert marked == texts[doc][start:end] and marked.strip()
    members = {(s["doc"], s["start"], s["end"]) for s in data["statements"] if s["id"] in clusters[shown[0]]["statements"]}
    assert (doc, start, end) in members
    page.screenshot(path=str(shots / "evidence.png"))

    # A shared link reopens the same view, filter and evidence.
    shared = page.url
    again = Page(context, shared)
    assert again.page.inner_text("#view") == page.inner_text("#view")
    assert again.page.inner_text("#evidence") == page.inner_text("#evidence")
    again.assert_clean(url)
    again.page.close()

    seen = {"claims": total, "edge": False, "timeline": False}
    # A timeline item opens its evidence.
    p.view("timeline")
    if page.locator(".vis-item").count():
        page.locator(".vis-item .vis-item-content").first.click()
        page.wait_for_function("() => location.hash.includes('ev=')")
        doc, start, end, marked = _cited(page)
        assert marked == texts[doc][start:end]
        seen["timeline"] = True
        page.screenshot(path=str(shots / "timeline-evidence.png"))

    # A network edge opens its evidence.
    p.view("network")
    if data["network"]["edges"]:
        page.wait_for_function("() => document.querySelector('#network-box').cy")
        page.wait_for_timeout(300)
        x, y = page.evaluate("""() => { const box = document.querySelector('#network-box'); const cy = box.cy;
            cy.fit(cy.edges()[0].connectedNodes(), 80); const m = cy.edges()[0].renderedMidpoint();
            const r = box.getBoundingClientRect(); return [r.left + m.x, r.top + m.y]; }""")
        page.mouse.click(x, y)
        page.wait_for_function("() => location.hash.includes('ev=edge')")
        assert page.locator("#evidence .span").count() >= 1
        edge = data["network"]["edges"][int(page.evaluate("decodeURIComponent(location.hash).split('ev=edge:')[1]"))]
        doc, start, end, marked = _cited(page)
        assert (doc, start, end) in {(e["doc"], e["start"], e["end"]) for e in edge["evidence"]}
        seen["edge"] = True
        page.screenshot(path=str(shots / "network-evidence.png"))
    p.assert_clean(url)
    page.close()
    return seen


def test_example_corpus_explorer(browser, example_run, tmp_path):  # noqa: F811
    paths, _ = example_run
    data = json.loads(paths["json"].read_text())
    seen = _walk(browser, paths["explorer"], data, tmp_path)
    assert seen["claims"] >= 1 and seen["timeline"]
    for name in VIEWS:
        assert (tmp_path / f"{name}.png").stat().st_size > 5_000
    print(f"explorer screenshots: {tmp_path}")


def test_seeds_explorer(browser, seeds_run, tmp_path):  # noqa: F811
    out, data = seeds_run  # what `storyline analyze -o` wrote
    seen = _walk(browser, out / "explorer.html", data, tmp_path)
    assert seen["timeline"] and seen["edge"] == bool(data["network"]["edges"])
    print(f"explorer screenshots: {tmp_path}")


HOSTILE = (f"<script>document.title='{PWNED}';alert('script')</script>"
           f'<img src="x" onerror="document.title=\'{PWNED}\';alert(\'img\')">'
           f'<a href="javascript:document.title=\'{PWNED}\';alert(\'link\')" id="evil">click me</a>'
           "</style><style>body{display:none}</style>")


def hostile_contract() -> dict:
    """The briefing contract with hostile markup in every string a view shows."""
    data = copy.deepcopy(contract())
    doc = data["documents"][0]
    shift = len(HOSTILE) + 1
    doc["text"] = HOSTILE + " " + doc["text"]
    for key in ("title", "outlet", "author"):
        doc[key] = HOSTILE
    doc["removed"] = [{"reason": HOSTILE, "text": HOSTILE}]

    def moved(record):
        if record.get("doc") == doc["id"] and record.get("start") is not None:
            record["start"] += shift
            record["end"] += shift
        return record

    for kind in ("statements", "figures", "quotes"):
        for record in data[kind]:
            moved(record)
    for entity in data["entities"]:
        entity["name"] = HOSTILE
        for mention in entity["mentions"]:
            moved(mention)
    for conflict in data["conflicts"]:
        conflict["summary"] = HOSTILE
        for side in conflict["sides"]:
            moved(side)
    for cluster in data["clusters"]:
        cluster["label"] = HOSTILE
        cluster["corroboration"] = HOSTILE
    for table in data["figure_tables"]:
        table["measure"] = HOSTILE
        for row in table["rows"]:
            row["source"] = HOSTILE
    first = data["statements"][0]
    data["timeline"] = [{"date": "2024-06-04", "precision": "day", "ref": first["id"], "kind": "statement",
                         "text": HOSTILE, "docs": [first["doc"]], "undated": False}]
    span = {k: first[k] for k in ("doc", "start", "end", "text")}
    data["network"] = {"nodes": [{"id": "kb:X", "name": HOSTILE, "type": "organization"},
                                 {"id": "kb:Y", "name": HOSTILE, "type": "state"}],
                       "edges": [{"source": "kb:X", "target": "kb:Y", "type": HOSTILE, "weight": 2, "evidence": [span]}]}
    data["options"] = [{"id": "o1", "option": HOSTILE, "advocates": ["kb:X"], "opponents": [], "addressed": [],
                        "consequences": [HOSTILE], "docs": [first["doc"]], "evidence": [span]}]
    data["implications"] = [{"target": "kb:X", "target_name": HOSTILE, "text": HOSTILE, "docs": [first["doc"]],
                             "evidence": [span]}]
    data["bottom_line"] = [{"text": HOSTILE, "kind": kind, "detail": HOSTILE, "evidence": [span]}
                           for kind in ("fact", "commentary")]
    data["watchlist"] = [{"text": HOSTILE, "statements": [first["id"]]}]  # a result kind the page does not know
    data["changes"] = {"since": 1, "run": 2, "new_documents": [first["doc"]],
                       "new_claims": [{"text": HOSTILE, "note": HOSTILE, "evidence": [span]}],
                       "corroborated": [], "disputed": [], "new_conflicts": [], "revised_estimates": [],
                       "new_actors": [{"text": HOSTILE, "evidence": [span]}]}
    return data


def test_hostile_report_text_is_inert_in_every_view(browser, tmp_path):  # noqa: F811
    data = hostile_contract()
    html = tmp_path / "explorer.html"
    html.write_text(render_explorer(data), encoding="utf-8")
    url = html.resolve().as_uri()
    p = Page(browser, url)
    page = p.page
    scripts = page.locator("script").count()
    for name in VIEWS + ["more"]:
        p.view(name)
        for details in page.locator("#view details").all():
            details.evaluate("d => d.open = true")
        for link in page.locator("#view a.ev").all()[:6]:  # open evidence from every view
            link.click()
            page.wait_for_selector("#evidence .span")
        page.screenshot(path=str(tmp_path / f"hostile-{name}.png"))
        assert page.locator("img, iframe, object, embed, #evil").count() == 0, name
        assert page.locator("style").count() == page.evaluate("document.head.querySelectorAll('style').length"), name
        assert page.is_visible("#view"), name
    p.view("timeline")
    page.locator(".vis-item .vis-item-content").first.click()
    page.wait_for_selector("#evidence .span")
    assert page.locator("script").count() == scripts
    assert page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(el =>
        [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))""") == []
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith("#") for h in hrefs)
    p.view("sources")
    assert HOSTILE in page.inner_text("#view")  # shown as the characters it is
    p.assert_clean(url)
    assert PWNED not in page.title()
    page.close()
