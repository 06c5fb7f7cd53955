"""The briefing as one self-contained HTML file and as Markdown, laid out from the view."""

from __future__ import annotations

import json
from html import escape
from importlib import resources
from typing import Any

from storyline.render.view import Cite, Line, Section, Table, build_view, doc_label, plural


def _e(text: Any) -> str:
    """Escape for HTML text and attribute values: every source string goes through here."""
    return escape("" if text is None else str(text), quote=True)


def _cite_html(cite: Cite) -> str:
    return (
        f'<details class="cite" data-doc="{_e(cite.doc)}" data-start="{cite.start}" data-end="{cite.end}">'
        f'<summary title="{_e(cite.label)}">[{cite.n}]</summary>'
        f'<span class="ctx"><span class="src">{_e(cite.label)}</span> '
        f'…{_e(cite.before)}<mark class="sentence">{_e(cite.text)}</mark>{_e(cite.after)}… '
        f'<a class="open" href="#doc-{_e(cite.doc)}" data-doc="{_e(cite.doc)}" data-start="{cite.start}" '
        f'data-end="{cite.end}">full report</a></span></details>'
    )


def _line_html(line: Line) -> str:
    text = f"“{_e(line.text)}”" if line.quote else _e(line.text)
    detail = f' <span class="detail">— {_e(line.detail)}</span>' if line.detail else ""
    cites = "".join(_cite_html(c) for c in line.cites)
    return f'<li><span class="line">{text}</span>{detail} <span class="cites">{cites}</span></li>'


def _table_html(table: Table) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in table.columns) + "<th>source</th>"
    rows = []
    for cells, cites in table.rows:
        tds = "".join(f"<td>{_e(c)}</td>" for c in cells)
        rows.append(f"<tr>{tds}<td>{''.join(_cite_html(c) for c in cites)}</td></tr>")
    return (f'<div class="figure-table"><p>{_e(table.heading.text)}</p>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def _section_html(section: Section) -> str:
    body: list[str] = []
    lines: list[str] = []
    for item in section.items:
        if isinstance(item, Table):
            if lines:
                body.append(f"<ul>{''.join(lines)}</ul>")
                lines = []
            body.append(_table_html(item))
        else:
            lines.append(_line_html(item))
    if lines:
        body.append(f"<ul>{''.join(lines)}</ul>")
    if not section.items:
        body.append(f'<p class="empty">{_e(section.empty)}</p>')
    return f'<section id="{section.key}"><h2>{_e(section.title)}</h2>{"".join(body)}</section>'


def _reports_html(data: dict[str, Any]) -> str:
    parts = []
    for doc in data["documents"]:
        meta = _e(doc_label(doc)) + (f" — “{_e(doc['title'])}”" if doc.get("title") else "")
        if doc.get("duplicate_of"):
            meta += f" <em>(copy of {_e(doc['duplicate_of'])}, counted once)</em>"
        parts.append(
            f'<article class="report" id="doc-{_e(doc["id"])}"><h3>{meta} <small>{_e(doc["id"])}</small></h3>'
            f'<div class="text" data-doc="{_e(doc["id"])}">{_e(doc["text"])}</div></article>'
        )
    return f'<section id="reports"><h2>Full reports (cleaned text)</h2>{"".join(parts)}</section>'


def _asset(name: str) -> str:
    return resources.files("storyline.render").joinpath("assets", name).read_text("utf-8")


def render_html(data: dict[str, Any]) -> str:
    """One HTML file with no external scripts, styles, fonts or images; works offline."""
    sections, _ = build_view(data)
    dates = sorted(d["published"] for d in data["documents"] if d.get("published"))
    span = f"{dates[0]} to {dates[-1]}" if dates else "dates unknown"
    nav = "".join(f'<a href="#{s.key}">{_e(s.title)}</a>' for s in sections)
    counts = ", ".join([plural(len(data["entities"]), "actor"), plural(len(data["statements"]), "statement"),
                        plural(len(data["conflicts"]), "conflict")])
    header = (f"<header><h1>Situation briefing</h1><p>{plural(len(data['documents']), 'report')} ({_e(span)}), "
              f"{_e(counts)}. Every line cites its sources: open a [n] to read the sentence in context.</p>"
              f"<nav>{nav}</nav></header>")
    body = header + "".join(_section_html(s) for s in sections) + _reports_html(data)
    meta = json.dumps({"schema_version": data["schema_version"], "generated_at": data["generated_at"]})
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<title>Situation briefing</title><style>{_asset('briefing.css')}</style></head>"
        f"<body data-meta='{_e(meta)}'>{body}<script>{_asset('briefing.js')}</script></body></html>\n"
    )


def _md(text: Any) -> str:
    """Markdown-safe text: no raw HTML, and markup characters escaped."""
    out = escape("" if text is None else str(text), quote=False)
    for ch in "\\`*_[]|#":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def render_markdown(data: dict[str, Any]) -> str:
    """The same briefing in Markdown; citations become numbered notes quoting the source sentence."""
    sections, citations = build_view(data)
    out = ["# Situation briefing", ""]
    for section in sections:
        out += [f"## {section.title}", ""]
        if not section.items:
            out += [f"_{_md(section.empty)}_", ""]
        for item in section.items:
            if isinstance(item, Table):
                out += [_md(item.heading.text), "", "| " + " | ".join(item.columns + ["source"]) + " |",
                        "|" + "---|" * (len(item.columns) + 1)]
                for cells, cites in item.rows:
                    out.append("| " + " | ".join(_md(c) for c in cells) + " | " + _refs(cites) + " |")
                out.append("")
            else:
                text = f"“{_md(item.text)}”" if item.quote else _md(item.text)
                detail = f" — {_md(item.detail)}" if item.detail else ""
                out.append(f"- {text}{detail} {_refs(item.cites)}")
        out.append("")
    out += ["## Citations", ""]
    for cite in citations.all():
        out.append(f"{cite.n}. {_md(cite.label)} ({cite.doc}, characters {cite.start}–{cite.end}): “{_md(cite.text)}”")
    return "\n".join(out) + "\n"


def _refs(cites: list[Cite]) -> str:
    return "".join(f"[{c.n}]" for c in cites)
