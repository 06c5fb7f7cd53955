"""The explorer: one self-contained, offline HTML file to browse an analysis and open its evidence.

The page holds the analysis as JSON in a ``<script type="application/json">`` element (with
``<`` written as ``\\u003c``, so no report text can close the element) and the vendored
libraries listed in ``assets/vendor/VENDORED.md`` inline. The script builds every element
with ``textContent``; no source string is ever parsed as markup, and nothing is fetched.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from storyline.render.view import doc_label

VENDOR_SCRIPTS = ("cytoscape.min.js", "vis-timeline-graph2d.min.js", "uPlot.iife.min.js")
VENDOR_STYLES = ("uPlot.min.css",)
# The page's own script, in parts small enough to read; joined inside one strict function.
SCRIPT_PARTS = ("explorer-core.js", "explorer-views.js", "explorer-briefing.js", "explorer-main.js")
# Records the explorer lists under their own views; any other list in the contract is shown generically.
KNOWN = {"schema_version", "storyline_version", "generated_at", "config_hash", "seconds", "documents", "entities",
         "quotes", "figures", "figure_tables", "statements", "clusters", "conflicts", "events", "timeline",
         "network", "options", "implications", "bottom_line", "run", "changes"}
# Per-document record fields the explorer does not need (the rest, known or new, are kept).
DROP = {"statements": {"cues"}, "figures": set(), "quotes": set(), "events": set()}


def _asset(*parts: str) -> str:
    text = resources.files("storyline.render").joinpath("assets", *parts).read_text("utf-8")
    # Source-map comments would make developer tools ask for a file that is not there.
    return re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "", text)


def _own_script() -> str:
    parts = "\n".join(_asset(name) for name in SCRIPT_PARTS)
    return '(function () {\n  "use strict";\n' + parts + "})();\n"


def _inline_script(code: str) -> str:
    # "</script" cannot occur inside a script element; in JavaScript "<\/" means the same.
    return "<script>" + re.sub(r"</(script)", r"<\\/\1", code, flags=re.I) + "</script>"


def _inline_style(css: str) -> str:
    return "<style>" + re.sub(r"</(style)", r"<\\/\1", css, flags=re.I) + "</style>"


def _slim_documents(data: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for doc in data.get("documents", []):
        item = {k: v for k, v in doc.items() if k not in ("references",)}
        item["label"] = doc_label(doc)
        out.append(item)
    return out


def _slim_entities(data: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for e in data.get("entities", []):
        item = {k: v for k, v in e.items() if k != "mentions"}
        item["mention_count"] = len(e.get("mentions", []))
        item["first"] = e["mentions"][0] if e.get("mentions") else None
        item["aliases"] = (e.get("aliases") or [])[:8]
        out.append(item)
    return out


def _referenced(data: dict[str, Any]) -> set[str]:
    """Ids of records some view or result points to (claim members, timeline entries...)."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for key, value in data.items():
        if key not in ("documents", "entities", "quotes", "figures", "statements", "events"):
            walk(value)
    return found


def explorer_data(data: dict[str, Any]) -> dict[str, Any]:
    """What the page needs from the JSON contract: the results, the documents, and the per-document
    records the results point to (a large corpus's other statements and quotes stay in analysis.json)."""
    slim = dict(data)
    slim["documents"] = _slim_documents(data)
    slim["entities"] = _slim_entities(data)
    referenced = _referenced(data)
    for key in ("statements", "quotes", "events"):
        slim[key] = [r for r in data.get(key, []) if r.get("id") in referenced]
    for key, fields in DROP.items():
        if fields:
            slim[key] = [{k: v for k, v in r.items() if k not in fields} for r in slim.get(key, [])]
    slim["extra"] = sorted(k for k, v in data.items() if k not in KNOWN and isinstance(v, list))
    return slim


def _json_for_script(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    # Inside <script> only "<" (as in "</script>" or "<!--") can end the element early.
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_explorer(data: dict[str, Any], title: str = "Storyline explorer") -> str:
    """The explorer page for one analysis (the JSON contract), as a string."""
    from html import escape

    scripts = "".join(_inline_script(_asset("vendor", name)) for name in VENDOR_SCRIPTS)
    styles = "".join(_inline_style(_asset("vendor", name)) for name in VENDOR_STYLES)
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        # No request may leave the page: only inline scripts, styles and data: images.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{escape(title)}</title>{styles}{_inline_style(_asset('explorer.css'))}</head><body>"
        '<div id="app"><header id="top"><strong>Storyline</strong><nav id="tabs"></nav>'
        '<input id="search" type="search" placeholder="search claims, actors, sources" aria-label="search"></header>'
        '<main id="view"></main><aside id="evidence" hidden></aside></div>'
        f'<script type="application/json" id="storyline-data">{_json_for_script(explorer_data(data))}</script>'
        f"{scripts}{_inline_script(_own_script())}</body></html>\n"
    )
