"""The explorer page as a file: self-contained, data embedded inertly, vendored libraries as recorded."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from importlib import resources

from storyline.render.explorer import VENDOR_SCRIPTS, VENDOR_STYLES, explorer_data, render_explorer

from tests.render.test_briefing import contract

VENDOR = resources.files("storyline.render").joinpath("assets", "vendor")


def _embedded(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="storyline-data">(.*?)</script>', html, re.S)
    assert match, "the data element is missing"
    return json.loads(match.group(1))


def test_page_is_self_contained():
    html = render_explorer(contract())
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"<(script|img|iframe|link)[^>]*\s(src|href)=", html, re.I)
    assert "sourceMappingURL" not in html
    for name in VENDOR_SCRIPTS + VENDOR_STYLES:
        code = VENDOR.joinpath(name).read_text("utf-8")
        assert code[:200] in html, f"{name} is not inlined"


def test_report_text_cannot_close_the_data_element():
    data = copy.deepcopy(contract())
    hostile = "</script><script>alert(1)</script><!-- </style> \u2028"
    data["documents"][0]["text"] += hostile
    data["documents"][0]["title"] = hostile
    html = render_explorer(data)
    assert "<script>alert(1)" not in html and "</style> \u2028" not in html
    embedded = _embedded(html)
    assert embedded["documents"][0]["text"].endswith(hostile)
    assert embedded == json.loads(json.dumps(explorer_data(data), default=str))


def test_unknown_result_lists_are_kept_and_listed():
    data = copy.deepcopy(contract())
    data["watchlist"] = [{"text": "The dam held.", "statements": ["s1"]}]
    data["bottom_line"] = [{"text": "The dam held.", "kind": "fact", "detail": "1 source", "evidence": []}]
    slim = explorer_data(data)
    assert slim["extra"] == ["watchlist"] and slim["watchlist"] == data["watchlist"]
    assert slim["bottom_line"] == data["bottom_line"]  # known: the briefing view shows it
    # Actors keep a count and their first mention, not every mention.
    assert slim["entities"][0]["mention_count"] == len(data["entities"][0]["mentions"])
    assert "mentions" not in slim["entities"][0]


def test_vendored_files_match_their_recorded_hashes_and_have_licences():
    table = VENDOR.joinpath("VENDORED.md").read_text("utf-8")
    rows = re.findall(r"^\| (\S+) \| ([\d.]+) \| ([^|]+) \| (\S+)[^|]*\| ([0-9a-f]{64}) \|$", table, re.M)
    files = {r[3]: r[4] for r in rows}
    assert set(files) == set(VENDOR_SCRIPTS + VENDOR_STYLES)
    for name, digest in files.items():
        assert hashlib.sha256(VENDOR.joinpath(name).read_bytes()).hexdigest() == digest, name
    for package, *_ in rows:
        assert any(p.name.startswith(package) and "LICENSE" in p.name for p in VENDOR.iterdir()), package
