"""From one raw input to a cleaned, described document: a pure function of the input."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np

from storyline.ingest import html as html_extract
from storyline.ingest.clean import clean_text
from storyline.ingest.dedup import content_hash, signature
from storyline.ingest.loaders import stamp_from_identifier
from storyline.ingest.metadata import (
    dateline_with_year_in_text, detect_language, outlet_from_url, parse_date, stated_published, word_count,
)
from storyline.models import CleanResult, Document, MetaValue, RawInput

MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)
MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
MD_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$", re.M)


class EmptyDocument(ValueError):
    """Nothing that reads as a report was left after cleaning."""


def markdown_to_text(text: str) -> tuple[str, str | None]:
    """Markdown as plain text (links keep their words), and the first heading as a title."""
    heading = re.search(r"^#\s+(.+)$", text, re.M)
    text = MD_IMAGE.sub("", text)
    text = MD_LINK.sub(r"\1", text)
    text = MD_HEADING.sub("", text)
    text = MD_EMPHASIS.sub(r"\2", text)
    text = MD_RULE.sub("", text)
    title = heading.group(1).strip() if heading else None
    if title:
        text = text.replace(title, "", 1).lstrip()
    return text, title


def _first(*candidates: MetaValue | None) -> MetaValue:
    for candidate in candidates:
        if candidate is not None and candidate.value:
            return candidate
    return MetaValue(None)


def _given(raw: RawInput, name: str, method: str = "field") -> MetaValue | None:
    value = raw.fields.get(name)
    return MetaValue(value.strip(), method) if value and value.strip() else None


def raw_hash(raw: RawInput) -> str:
    """Hash of an input as read, so an unchanged input is known before any work on it."""
    return hashlib.sha256(raw.content.encode("utf-8", "surrogatepass")).hexdigest()


def prepare(raw: RawInput, config: dict) -> tuple[Document, np.ndarray]:
    """Clean one report and gather its metadata; raise EmptyDocument when no body is left."""
    page = None
    removed = []
    body = raw.content
    md_title = None
    if raw.kind == "html":
        page = html_extract.extract(raw.content, url=raw.fields.get("url"))
        body = page.text
        removed.extend(page.removed)
    elif raw.kind == "markdown":
        body, md_title = markdown_to_text(raw.content)
    cleaned: CleanResult = clean_text(body)
    removed.extend(cleaned.removed)
    text = cleaned.text.strip()
    if word_count(text) < 3:
        raise EmptyDocument("no article text found")

    hints = cleaned.hints
    title = _first(
        _given(raw, "title"),
        MetaValue(page.title, "html-meta") if page else None,
        MetaValue(md_title, "markdown") if md_title else None,
        MetaValue(hints.get("title"), "text") if hints.get("title") else None,
    )
    author = _first(
        _given(raw, "author"),
        MetaValue(page.author, "html-meta") if page else None,
        MetaValue(hints.get("author"), "byline") if hints.get("author") else None,
    )
    outlet = _first(
        _given(raw, "outlet"),
        MetaValue(page.sitename, "html-meta") if page else None,
        MetaValue(outlet_from_url(raw.fields.get("url")), "url") if raw.fields.get("url") else None,
    )
    published = _published(raw, page, hints, stated_published(body, cleaned.removed), dateline_with_year_in_text(body))
    doc = Document(
        id="",
        source=raw.source,
        text=text,
        raw_hash=raw_hash(raw),
        kind=raw.kind,
        encoding=raw.encoding,
        title=title,
        author=author,
        outlet=outlet,
        published=published,
        language=detect_language(text, config["ingest"]["language_sample"]),
        word_count=word_count(text),
        republished_from=hints.get("republished_from"),
        removed=removed,
        references=list(cleaned.references),
    )
    doc.id = "d" + content_hash(text)[:15]
    dedup = config["dedup"]
    return doc, signature(text, dedup["shingle_words"], dedup["num_perm"])


def _published(raw: RawInput, page, hints: dict[str, str], stated: MetaValue | None = None,
               completed: MetaValue | None = None) -> MetaValue:
    """Publication date from the most trustworthy cue available, with how it was found."""
    candidates: list[MetaValue | None] = []
    if raw.fields.get("published"):
        candidates.append(parse_date(raw.fields["published"], raw.fields.get("published_method", "field")))
    if page is not None and page.date:
        candidates.append(parse_date(page.date, "html-meta"))
    candidates.append(stated)  # a "Published: ..." line or a dated byline, read before cleaning removed it
    if hints.get("dateline"):
        candidates.append(parse_date(hints["dateline"], "dateline"))
    if raw.source not in ("-",) and "://" not in raw.source:
        stamp = stamp_from_identifier(Path(raw.source.split("#")[0]).name)
        if stamp:
            candidates.append(parse_date(stamp, "filename"))
    candidates.append(completed)  # a dateline without its year, completed from the text: the last resort
    return _first(*candidates)
