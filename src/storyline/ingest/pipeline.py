"""Ingestion: expand the user's inputs, prepare each report and store it with its duplicates linked."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone

from storyline import __version__
from storyline.config import config_hash
from storyline.ingest.decode import DecodeError, decode
from storyline.ingest.dedup import NearDuplicateIndex, PartialCopyIndex, partial_copies
from storyline.ingest.fetch import FetchError, FetchOptions, feed_items, fetch, is_feed, looks_like_url
from storyline.ingest.loaders import InputError, Item, LoadOptions, iter_path, iter_stdin, kind_of
from storyline.ingest.prepare import EmptyDocument, prepare, raw_hash
from storyline.models import RawInput
from storyline.store.db import Store

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class ItemStatus:
    """What happened to one input."""

    source: str
    status: str
    """``added``, ``updated``, ``unchanged``, ``duplicate`` (an exact copy of a stored report) or ``error``."""
    doc_id: str | None = None
    message: str = ""
    duplicate_of: str | None = None
    """For near-duplicates and syndicated copies: the earliest stored copy."""
    title: str | None = None


@dataclass
class Summary:
    """Counts for one ingest run."""

    items: list[ItemStatus] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def failed(self) -> int:
        return self.count("error")

    @property
    def near_duplicates(self) -> int:
        return sum(1 for item in self.items if item.duplicate_of and item.status in ("added", "updated"))


# -- expanding inputs ------------------------------------------------------------------


def one_line(message: str, limit: int = 300) -> str:
    """A status message as one printable line: whitespace runs and control characters become spaces."""
    flat = "".join(c if c.isprintable() else " " for c in message)
    flat = " ".join(flat.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def is_url(arg: str) -> bool:
    return looks_like_url(arg)  # any scheme: fetch refuses the ones it does not support


def iter_inputs(args: Iterable[str], load: LoadOptions, fetch_options: FetchOptions) -> Iterator[Item]:
    """Every report named by the arguments: files, folders, bulk files, ``-`` and URLs."""
    from pathlib import Path

    for arg in args:
        try:
            if arg == "-":
                yield from iter_stdin(load)
            elif is_url(arg):
                yield from iter_url(arg, fetch_options)
            else:
                for item in iter_path(Path(arg), load):
                    if isinstance(item, RawInput) and item.kind == "feed":
                        yield from iter_feed_text(item, fetch_options)
                    else:
                        yield item
        except Exception as exc:  # noqa: BLE001 - one unreadable input never stops the others
            yield InputError(arg, f"could not be read: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}")


def _page_input(url: str, fetch_options: FetchOptions, fields: dict[str, str] | None = None) -> Item:
    try:
        page = fetch(url, fetch_options)
        text, encoding = decode(page.body, page.charset)
    except (FetchError, DecodeError) as exc:
        return InputError(url, str(exc))
    kind = "html" if page.content_type in HTML_TYPES else kind_of(page.final_url, text)
    merged = {"url": page.final_url, **(fields or {})}
    return RawInput(source=url, content=text, kind=kind, fields=merged, encoding=encoding)


def iter_url(url: str, fetch_options: FetchOptions) -> Iterator[Item]:
    """A page, or every item's page when the URL is a feed."""
    try:
        page = fetch(url, fetch_options)
    except FetchError as exc:
        yield InputError(url, str(exc))
        return
    if is_feed(page):
        yield from _feed_pages(url, feed_items(page), fetch_options)
        return
    try:
        text, encoding = decode(page.body, page.charset)
    except DecodeError as exc:
        yield InputError(url, str(exc))
        return
    kind = "html" if page.content_type in HTML_TYPES else kind_of(page.final_url, text)
    yield RawInput(source=url, content=text, kind=kind, fields={"url": page.final_url}, encoding=encoding)


def iter_feed_text(raw: RawInput, fetch_options: FetchOptions) -> Iterator[Item]:
    """Pages linked from a feed saved as a file."""
    from storyline.ingest.fetch import FetchedPage

    page = FetchedPage(raw.source, raw.source, 200, "application/rss+xml", "utf-8", raw.content.encode())
    yield from _feed_pages(raw.source, feed_items(page), fetch_options)


def _feed_pages(feed: str, items, fetch_options: FetchOptions) -> Iterator[Item]:
    if not items:
        yield InputError(feed, "feed has no items with links")
        return
    for item in items:
        fields = {k: v for k, v in (("title", item.title), ("published", item.published), ("author", item.author)) if v}
        yield _page_input(item.link, fetch_options, fields)


# -- storing ---------------------------------------------------------------------------


class Ingestor:
    """Stores prepared reports, one transaction each, linking near-duplicates to the earliest copy."""

    def __init__(self, store: Store, config: dict) -> None:
        self.store = store
        self.config = config
        dedup = config["dedup"]
        self.index = NearDuplicateIndex(dedup["threshold"], dedup["num_perm"])
        self.partial = PartialCopyIndex(dedup.get("partial_candidates", 0.2), dedup["num_perm"]) \
            if dedup.get("partial_copies", True) else None
        for doc_id, values in store.signatures():
            self.index.add(doc_id, values)
            if self.partial is not None:
                self.partial.add(doc_id, values)

    def ingest(self, item: Item) -> ItemStatus:
        if isinstance(item, InputError):
            return ItemStatus(item.source, "error", message=item.message)
        previous = self.store.source_state(item.source)
        if previous and previous[1] == raw_hash(item) and self.store.has_document(previous[0]):
            return ItemStatus(item.source, "unchanged", previous[0])
        try:
            doc, sig = prepare(item, self.config)
        except EmptyDocument as exc:
            return ItemStatus(item.source, "error", message=str(exc))
        with self.store.transaction():
            if self.store.has_document(doc.id):
                self.store.link_source(item.source, doc.id, doc.raw_hash)
                status = "unchanged" if previous and previous[0] == doc.id else "duplicate"
                return ItemStatus(item.source, status, doc.id, duplicate_of=doc.id if status == "duplicate" else None)
            hits = self.index.query(sig) if self.config["dedup"]["near_duplicates"] else []
            self.store.insert_document(doc, sig)
            replaced = self.store.link_source(item.source, doc.id, doc.raw_hash)
            if replaced:
                self.store.delete_document_if_orphaned(replaced)
            if not hits and self.partial is not None and self.config["dedup"]["near_duplicates"]:
                hits = self._partial_copies(doc.id, doc.text, sig)
            duplicate_of = self._link_copies(doc.id, hits)
        self.index.add(doc.id, sig)
        if self.partial is not None:
            self.partial.add(doc.id, sig)
        status = "updated" if replaced else "added"
        return ItemStatus(item.source, status, doc.id, duplicate_of=duplicate_of, title=doc.title.value)

    def _partial_copies(self, doc_id: str, text: str, sig) -> list[tuple[str, float]]:
        """Stored reports this one is a partial copy of, or that are partial copies of it.

        Only where the later report is the shorter, contained one: a truncated copy adds nothing,
        while a later, longer version (an update) keeps its own extraction.
        """
        ids = [d for d in self.partial.candidates(sig) if d != doc_id and self.store.has_document(d)]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        texts = {r["id"]: r["text"] for r in self.store.rows(f"SELECT id, text FROM documents WHERE id IN ({marks})", ids)}
        dedup = self.config["dedup"]
        hits = partial_copies(text, texts, dedup["shingle_words"], dedup.get("containment", 0.8),
                              dedup.get("containment_min_shingles", 60))
        keys = self.store.order_keys([doc_id] + [h for h, _ in hits])
        later_is_shorter = []
        for hit, share in hits:
            later = max((doc_id, len(text)), (hit, len(texts[hit])), key=lambda d: keys.get(d[0], ("9999", 1 << 30)))
            earlier_len = len(texts[hit]) if later[0] == doc_id else len(text)
            if later[1] <= earlier_len:
                later_is_shorter.append((hit, share))
        return later_is_shorter

    def _link_copies(self, doc_id: str, hits: list[tuple[str, float]]) -> str | None:
        """Point every copy in the group at its earliest member; return the new one's canonical."""
        if not hits:
            return None
        similarity = dict(hits)
        group = {self.store.canonical_of(hit) for hit in similarity if self.store.has_document(hit)}
        group |= set(similarity)
        keys = self.store.order_keys(sorted(group | {doc_id}))
        earliest = min(group | {doc_id}, key=lambda d: keys.get(d, ("9999", 1 << 30)))
        if earliest != doc_id:
            self.store.set_duplicate(doc_id, earliest, similarity.get(earliest, max(similarity.values())))
            return earliest
        # The new report predates its copies: they all point at it now.
        for member in group:
            members = [member] + self.store.copies_of(member)
            for copy in members:
                self.store.set_duplicate(copy, doc_id, similarity.get(copy, similarity.get(member)))
        return None


def run_ingest(
    store: Store,
    items: Iterable[Item],
    config: dict,
    on_item: Callable[[ItemStatus], None] | None = None,
    command: str = "ingest",
) -> Summary:
    """Ingest every item, reporting each one's status as soon as it is committed."""
    started = datetime.now(timezone.utc).replace(tzinfo=None)
    ingestor = Ingestor(store, config)
    summary = Summary()
    seen: set[str] = set()
    for item in items:
        if isinstance(item, RawInput) and item.source in seen:
            status = ItemStatus(item.source, "unchanged", message="given twice in this run")
        else:
            try:
                status = ingestor.ingest(item)
            except Exception as exc:  # noqa: BLE001 - the store's transaction rolled back; go on
                message = " ".join(str(exc).split())[:200]
                status = ItemStatus(item.source, "error", message=f"could not be stored: {type(exc).__name__}: {message}")
            if isinstance(item, RawInput):
                seen.add(item.source)
        if status.message:
            status.message = one_line(status.message)
        summary.items.append(status)
        if on_item:
            on_item(status)
        store.pause()  # between documents, readers in other processes may open the store
    if summary.count("added") + summary.count("updated") + summary.count("duplicate") == 0:
        return summary  # nothing was written: leave the store exactly as it was
    store.record_run({
        "id": started.isoformat(), "command": command, "version": __version__,
        "config_hash": config_hash(config), "started_at": started,
        "finished_at": datetime.now(timezone.utc).replace(tzinfo=None),
        "added": summary.count("added") + summary.count("updated"),
        "unchanged": summary.count("unchanged") + summary.count("duplicate"), "failed": summary.failed,
    })
    return summary
