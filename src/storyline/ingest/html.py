"""Main text and metadata from HTML pages, with trafilatura doing the extraction."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
import trafilatura

from storyline.models import RemovedSpan

# Elements whose text is never part of the page's readable text.
INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head")
BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote",
          "pre", "figcaption", "caption", "button", "label", "a", "span", "div", "section",
          "nav", "footer", "header", "aside", "form", "article", "main", "body")


@dataclass
class HtmlResult:
    """What trafilatura found in one page."""

    text: str
    """Main text, paragraphs separated by a blank line."""
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    date: str | None = None
    """Publication date as ``YYYY-MM-DD`` (from meta tags, JSON-LD or htmldate's heuristics)."""
    removed: list[RemovedSpan] = field(default_factory=list)
    """Page blocks left out of the main text (menus, footers, widgets), without offsets."""


def _norm(text: str) -> str:
    return " ".join(text.split())


def page_blocks(html: str) -> list[str]:
    """Readable text of the page as blocks, scripts and styles dropped."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    for bad in list(root.iter(*INVISIBLE)):
        if bad.getparent() is not None:
            bad.drop_tree()
    blocks: list[str] = []
    for element in root.iter(*BLOCKS):
        # Only the innermost blocks: a parent's text is the sum of its children's.
        if any(child.tag in BLOCKS for child in element.iterchildren() if isinstance(child.tag, str)):
            own = _norm(element.text or "")
        else:
            own = _norm(element.text_content())
        if own:
            blocks.append(own)
    return blocks


def extract(html: str, url: str | None = None) -> HtmlResult:
    """Extract the article from ``html``; an empty ``text`` means nothing article-like was found."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        favor_precision=False, deduplicate=False,
    )
    text = ""
    meta: dict[str, str | None] = {}
    if doc is not None:
        lines = [line.strip() for line in (doc.text or "").split("\n")]
        title = (doc.title or "").strip()
        # trafilatura repeats the headline as the first line; the title is metadata.
        if lines and title and _norm(lines[0]) == _norm(title):
            lines = lines[1:]
        text = "\n\n".join(line for line in lines if line)
        meta = {"title": doc.title, "author": doc.author, "sitename": doc.sitename, "date": doc.date}
    blocks = page_blocks(html)
    kept = _norm(text)
    removed: list[RemovedSpan] = []
    seen: set[str] = {_norm(meta.get("title") or "")}
    for block in blocks:
        if block in seen or block in kept:
            continue
        seen.add(block)
        removed.append(RemovedSpan("page-chrome", block, None, None))
    date = meta.get("date")
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        date = None
    return HtmlResult(
        text=text, title=meta.get("title"), author=meta.get("author"), sitename=meta.get("sitename"),
        date=date, removed=removed,
    )
