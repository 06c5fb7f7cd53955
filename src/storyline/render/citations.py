"""Citation integrity of a rendered briefing: what a reader sees must be what the citations hold.

Checked on the HTML and the Markdown as rendered (not on the view they come from), for
every line of every section:

* a line that quotes a source sentence (shown in quotation marks) cites exactly that
  sentence among its citations: the quoted text equals one citation's span of its report;
* every citation's span lies inside its report's cleaned text, and the text a citation
  shows is that span;
* every "N independent sources" (or "N sources") figure equals the number of distinct
  reports among the line's citations, a syndicated copy counted with its original.

    problems = check_briefing(analysis.to_dict())   # [] when the briefing is sound
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any

SOURCES = re.compile(r"\b(\d+) (?:independent )?sources?\b")
MD_ESCAPED = re.compile(r"\\([\\`*_\[\]|#])")


@dataclass
class Problem:
    """One briefing line that breaks an integrity rule."""

    format: str
    """``html`` or ``markdown``."""
    rule: str
    """``quote``, ``span`` or ``sources``."""
    line: str
    detail: str


@dataclass
class Report:
    """Lines checked and the problems found."""

    lines: int = 0
    failed_lines: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def failure_rate(self) -> float:
        return self.failed_lines / self.lines if self.lines else 0.0


@dataclass
class _Item:
    text: str = ""
    quote: bool = False
    detail: str = ""
    cites: list[tuple[str, int, int, str]] = field(default_factory=list)
    """(doc, start, end, the text shown as the cited sentence)."""


def _norm(text: str) -> str:
    return " ".join(text.split())


class _Briefing(HTMLParser):
    """The items of a rendered HTML briefing: each list line or table row with its citations."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[_Item] = []
        self.item: _Item | None = None
        self.stack: list[str] = []
        self.capture: str | None = None
        self.capture_depth = 0
        self.cite: list[Any] | None = None
        self.mark_depth: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag in ("li", "tr"):
            self.item = _Item()
            self.items.append(self.item)
        if tag == "details" and "cite" in cls.split() and self.item is not None:
            self.cite = [a.get("data-doc"), int(a.get("data-start") or -1), int(a.get("data-end") or -1), ""]
            self.item.cites.append(self.cite)  # type: ignore[arg-type]
        self.stack.append(tag)
        if tag == "mark" and self.cite is not None:
            self.mark_depth = len(self.stack)
        if self.item is not None and self.capture is None and tag == "span" and cls in ("line", "detail"):
            self.capture, self.capture_depth = cls, len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        depth = len(self.stack)
        if self.capture and depth == self.capture_depth:
            self.capture = None
        if self.mark_depth is not None and depth == self.mark_depth:
            self.mark_depth = None
        if tag == "details":
            self.cite = None
        if tag in ("li", "tr"):
            self.item = None
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.mark_depth is not None and self.cite is not None:
            self.cite[3] += data
        elif self.capture == "line" and self.item is not None:
            self.item.text += data
        elif self.capture == "detail" and self.item is not None:
            self.item.detail += data


def _html_items(html: str) -> list[_Item]:
    parser = _Briefing()
    parser.feed(html)
    items = []
    for item in parser.items:
        text = item.text.strip()
        if text.startswith("“") and text.endswith("”"):
            item.quote, item.text = True, text[1:-1]
        item.cites = [tuple(c) for c in item.cites]  # type: ignore[misc]
        items.append(item)
    return items


_MD_LINE = re.compile(r"^- (?P<body>.*?) ?(?P<refs>(?:\[\d+\])*)$")
_MD_CITE = re.compile(r"^(?P<n>\d+)\. .*\((?P<doc>[^(),\s]+), characters (?P<s>\d+)–(?P<e>\d+)\): “(?P<text>.*)”$")
_MD_QUOTE = re.compile(r"^“(?P<text>.*)”(?: — (?P<detail>.*))?$")


def _unmd(text: str) -> str:
    return unescape(MD_ESCAPED.sub(r"\1", text))


def _markdown_items(md: str) -> list[_Item]:
    cites: dict[str, tuple[str, int, int, str]] = {}
    for line in md.splitlines():
        if m := _MD_CITE.match(line):
            cites[m["n"]] = (m["doc"], int(m["s"]), int(m["e"]), _unmd(m["text"]))
    items = []
    for line in md.splitlines():
        m = _MD_LINE.match(line)
        if not m:
            continue
        item = _Item(cites=[cites.get(n, ("?", -1, -1, "")) for n in re.findall(r"\[(\d+)\]", m["refs"])])
        body = m["body"]
        if q := _MD_QUOTE.match(body):
            item.quote, item.text, item.detail = True, _unmd(q["text"]), _unmd(q["detail"] or "")
        else:
            text, _, detail = body.partition(" — ")
            item.text, item.detail = _unmd(text), _unmd(detail)
        items.append(item)
    return items


def _check(items: list[_Item], fmt: str, data: dict[str, Any], report: Report) -> None:
    docs = {d["id"]: d for d in data["documents"]}
    for item in items:
        found: list[Problem] = []
        for doc, start, end, shown in item.cites:
            text = docs[doc]["text"] if doc in docs else None
            if text is None or not 0 <= start < end <= len(text):
                found.append(Problem(fmt, "span", item.text, f"citation {doc}[{start}:{end}] is not inside its report"))
            elif _norm(shown) and _norm(shown) != _norm(text[start:end]):
                found.append(Problem(fmt, "span", item.text, f"citation {doc}[{start}:{end}] shows other text"))
        if item.quote:
            cited = [docs[d]["text"][s:e] for d, s, e, _ in item.cites if d in docs]
            if not any(_norm(c) == _norm(item.text) for c in cited):
                found.append(Problem(fmt, "quote", item.text, f"quoted, but none of {len(cited)} citations is it"))
        for m in SOURCES.finditer(f"{item.text} {item.detail}" if not item.quote else item.detail):
            originals = {docs[d].get("duplicate_of") or d for d, *_ in item.cites if d in docs}
            if int(m[1]) != len(originals):
                found.append(Problem(fmt, "sources", item.text,
                                     f"says {m[0]!r} but cites {len(originals)} distinct reports"))
        report.lines += 1
        report.failed_lines += bool(found)
        report.problems += found


def check_briefing(data: dict[str, Any]) -> Report:
    """Check the HTML and Markdown briefings rendered from ``data`` (the JSON contract)."""
    from storyline.render.briefing import render_html, render_markdown

    report = Report()
    _check(_html_items(render_html(data)), "html", data, report)
    _check(_markdown_items(render_markdown(data)), "markdown", data, report)
    return report


__all__ = ["Problem", "Report", "check_briefing"]
