"""Records that flow through Storyline, one dataclass per kind, each field documented once."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RemovedSpan:
    """A span of page debris taken out of a report, kept so a user can audit the cleaning."""

    reason: str
    """Why it was removed, a short stable code such as ``related-links`` or ``comment-form``."""
    text: str
    """The removed text, verbatim."""
    start: int | None
    """Character offset of the span in the text the cleaner read (None for HTML page chrome)."""
    end: int | None
    """Character offset one past the span's end, as for ``start``."""


@dataclass
class CleanResult:
    """What the cleaner keeps and what it drops from one report."""

    text: str
    """The cleaned body text; every later offset points into this string."""
    removed: list[RemovedSpan] = field(default_factory=list)
    """Every span taken out, with its reason, in document order."""
    references: list[str] = field(default_factory=list)
    """Bibliography entries found at the end of the report: metadata, not body."""
    hints: dict[str, str] = field(default_factory=dict)
    """Metadata cues seen while cleaning (``author``, ``title``, ``republished_from``, ``dateline``)."""


@dataclass
class MetaValue:
    """One metadata value with how it was found."""

    value: str | None
    """The value itself (a date as ``YYYY-MM-DD`` or ``YYYY-MM`` or ``YYYY``)."""
    method: str | None = None
    """Where it came from: ``html-meta``, ``field``, ``filename``, ``dateline``, ``text``, ``given``."""
    precision: str | None = None
    """For dates: ``day``, ``month`` or ``year``."""


@dataclass
class RawInput:
    """One report as read from an input, before cleaning."""

    source: str
    """Path, URL or ``-`` as the user gave it, with a ``#N`` suffix for items of a bulk file."""
    content: str
    """Decoded text (plain text, Markdown or HTML)."""
    kind: str = "text"
    """``text``, ``markdown`` or ``html``."""
    fields: dict[str, str] = field(default_factory=dict)
    """Metadata given with the input: ``title``, ``author``, ``outlet``, ``published``, ``url``."""
    encoding: str | None = None
    """The encoding the bytes were decoded from, when they came as bytes."""


@dataclass
class Document:
    """A cleaned report as stored."""

    id: str
    """Content-derived id: a hash of the cleaned text."""
    source: str
    """Path or URL as given."""
    text: str
    """Cleaned body text; all extracted offsets point into it."""
    raw_hash: str
    """Hash of the raw input, so an unchanged input is recognised before cleaning."""
    kind: str = "text"
    """What the input was: ``text``, ``markdown`` or ``html``."""
    encoding: str | None = None
    """The encoding its bytes were decoded from."""
    title: MetaValue = field(default_factory=lambda: MetaValue(None))
    author: MetaValue = field(default_factory=lambda: MetaValue(None))
    outlet: MetaValue = field(default_factory=lambda: MetaValue(None))
    published: MetaValue = field(default_factory=lambda: MetaValue(None))
    language: str | None = None
    """ISO 639-1 code of the detected language."""
    word_count: int = 0
    republished_from: str | None = None
    """The outlet or URL the report says it was republished from."""
    removed: list[RemovedSpan] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    """Id of the earliest stored copy when this is a near-duplicate or syndicated copy."""
    similarity: float | None = None
    """Estimated Jaccard similarity to ``duplicate_of``."""
