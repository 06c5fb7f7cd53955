"""Readers for every input Storyline accepts: files, folders, bulk files, stdin and URLs."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.ingest.decode import DecodeError, decode
from storyline.models import RawInput

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
BULK_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUPPORTED = set(TEXT_SUFFIXES) | HTML_SUFFIXES | BULK_SUFFIXES | FEED_SUFFIXES
# A folder may describe its files in a sidecar of this name; it is metadata, not a report.
MANIFEST = "manifest.json"
MANIFEST_FIELDS = ("title", "author", "outlet", "published", "url")

# Field names tried, in order, when a bulk file's mapping is not given.
FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "full_text", "maintext", "article_text", "story"),
    "title": ("title", "headline", "heading"),
    "published": (
        "published", "date", "published_at", "publish_date", "pubdate", "pub_date",
        "publication_date", "datetime", "timestamp", "created_at", "time",
    ),
    "author": ("author", "authors", "byline", "writer"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "domain", "newspaper"),
    "url": ("url", "link", "href", "source_url"),
    "id": ("id", "filename", "file", "name", "uid", "guid", "doc_id"),
}

# A compact timestamp inside an identifier, e.g. 20220125T090000Z_GB_en_7d015e6984.txt
STAMP_RE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2})(\d{2})(\d{2})?Z?)?(?!\d)")


@dataclass
class InputError:
    """An input that could not be read; ``message`` is one line for the user."""

    source: str
    message: str


@dataclass
class LoadOptions:
    """How inputs are read."""

    max_bytes: int = 5_000_000
    fields: dict[str, str] = field(default_factory=dict)
    """User mapping from Storyline's field names (text, title, ...) to a bulk file's keys."""


Item = RawInput | InputError


def kind_of(name: str, text: str) -> str:
    """``html``, ``markdown`` or ``text`` from a file name, or by sniffing the text."""
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return TEXT_SUFFIXES[suffix]
    head = text[:2000].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    # Markup only when the text opens with a tag: prose that mentions "<body>" stays text.
    if head.startswith("<") and any(tag in head for tag in ("<body", "<article", "<div", "<p>", "<p ", "<main")):
        return "html"
    return "text"


def read_bytes(path: Path, options: LoadOptions) -> bytes:
    """Read a file after checking it against the size cap."""
    size = path.stat().st_size
    if size > options.max_bytes:
        raise DecodeError(f"too large: {size:,} bytes (the limit is {options.max_bytes:,}; see --max-bytes)")
    if size == 0:
        raise DecodeError("empty file")
    return path.read_bytes()


def file_source(path: Path) -> str:
    """A file's source string; "#" is escaped so no file name can pose as a bulk record."""
    source = str(path)
    return source.replace("%", "%25").replace("#", "%23") if "#" in source else source


def iter_path(path: Path, options: LoadOptions, *, explicit: bool = True) -> Iterator[Item]:
    """Every report in a file or, recursively, a folder; one bad file never stops the rest."""
    source = file_source(path)
    if not path.exists():
        yield InputError(source, "no such file or folder")
        return
    if path.is_dir():
        yield from _iter_folder(path, options)
        return
    try:
        yield from _iter_file(path, source, options, explicit)
    except (OSError, ValueError, RecursionError, MemoryError) as exc:
        yield InputError(source, f"unreadable: {_one_line(exc)}")


def _iter_folder(path: Path, options: LoadOptions) -> Iterator[Item]:
    source = str(path)
    try:
        children = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
    except OSError as exc:
        yield InputError(source, f"cannot read folder: {_one_line(exc)}")
        return
    found = 0
    manifests = {p.parent: p for p in children if p.name == MANIFEST}
    described: dict[Path, dict[str, str]] = {}
    for folder, manifest in manifests.items():
        entries = read_manifest(manifest)
        if isinstance(entries, InputError):
            yield entries
            continue
        described.update({folder / name: fields for name, fields in entries.items()})
    for child in children:
        # A folder with a manifest holds the reports it lists and nothing else (notes,
        # answer keys and READMEs may sit beside them).
        listed = child.parent not in manifests or child in described
        if child.suffix.lower() in SUPPORTED and child.name != MANIFEST and listed:
            for item in iter_path(child, options, explicit=False):
                if isinstance(item, RawInput) and child in described:
                    item.fields = {**described[child], **item.fields}
                found += 1
                yield item
    if not found:
        kinds = ", ".join(sorted(SUPPORTED))
        yield InputError(source, f"no reports in this folder (looked for {kinds})")


def _iter_file(path: Path, source: str, options: LoadOptions, explicit: bool) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if not explicit and suffix not in SUPPORTED:
        return
    try:
        data = read_bytes(path, options)
        if suffix in BULK_SUFFIXES:
            yield from iter_bulk(source, data, suffix, options, quiet=not explicit)
            return
        text, encoding = decode(data)
    except (DecodeError, OSError) as exc:
        yield InputError(source, _one_line(exc))
        return
    if not text.strip():
        yield InputError(source, "empty file (only whitespace)")
        return
    kind = "feed" if suffix in FEED_SUFFIXES or _looks_like_feed(text) else kind_of(path.name, text)
    yield RawInput(source=source, content=text, kind=kind, encoding=encoding)


def read_manifest(path: Path) -> dict[str, dict[str, str]] | InputError:
    """A folder's metadata sidecar: file name -> fields (title, author, outlet, published, url).

    Either a list of objects with a ``file`` key or an object keyed by file name.
    """
    try:
        payload = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return InputError(str(path), f"unreadable manifest: {_one_line(exc)}")
    if isinstance(payload, dict) and not isinstance(payload.get("files"), list):
        entries = [{"file": name, **fields} for name, fields in payload.items() if isinstance(fields, dict)]
    else:
        entries = payload.get("files") if isinstance(payload, dict) else payload
    result: dict[str, dict[str, str]] = {}
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            fields = {k: str(v) for k, v in entry.items() if k in MANIFEST_FIELDS and v not in (None, "")}
            result[entry["file"]] = fields
    return result


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _looks_like_feed(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head)


def _one_line(exc: BaseException) -> str:
    text = str(exc) or exc.__class__.__name__
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror.lower()
    return " ".join(text.split())


def iter_stdin(options: LoadOptions, stream: io.BufferedIOBase | None = None) -> Iterator[Item]:
    """One report read from standard input."""
    stream = stream or sys.stdin.buffer
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield InputError("-", f"too large: over {options.max_bytes:,} bytes (see --max-bytes)")
        return
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        yield InputError("-", str(exc))
        return
    if not text.strip():
        yield InputError("-", "empty input on stdin")
        return
    yield RawInput(source="-", content=text, kind=kind_of("-", text), encoding=encoding)


# -- bulk files -------------------------------------------------------------------------


def iter_bulk(source: str, data: bytes, suffix: str, options: LoadOptions, quiet: bool = False) -> Iterator[Item]:
    """Reports in a JSON list, a JSON Lines file or a CSV file, one per record.

    ``quiet``: a data file met while walking a folder that holds no reports (no text field,
    not a list of records) is passed over instead of reported as an error.
    """
    try:
        text, _ = decode(data)
    except DecodeError as exc:
        yield InputError(source, str(exc))
        return
    text = text.lstrip("\ufeff")
    if suffix == ".csv":
        yield from _records(source, _csv_rows(source, text, options), options, unit="row", quiet=quiet)
    elif suffix in (".jsonl", ".ndjson") or _is_json_lines(text):
        yield from _json_lines(source, text, options, quiet)
    else:
        try:
            payload = _load_json(text)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
            return
        except RecursionError:
            yield InputError(source, "invalid JSON: nested too deep to read")
            return
        records = _record_list(payload)
        if records is None:
            if not quiet:
                yield InputError(source, "JSON must be a list of objects, or an object with such a list")
            return
        yield from _records(source, enumerate(records, start=1), options, unit="record", quiet=quiet)


def _load_json(text: str) -> object:
    """JSON with numbers too long for int() kept as floats rather than refused."""
    return json.loads(text, parse_int=lambda digits: int(digits) if len(digits) < 4000 else float(digits))


def _csv_rows(source: str, text: str, options: LoadOptions) -> Iterator[tuple[int, object]]:
    """CSV rows as dicts keyed by the header; a malformed row is an error of its own."""
    csv.field_size_limit(max(options.max_bytes, 131072))
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield 1, InputError(source, f"unreadable CSV header: {exc}")
        return
    if not header:
        return
    header = [h.strip() for h in header]
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reader.line_num, InputError(f"{source}:{reader.line_num}", f"unreadable CSV row: {exc}")
            continue
        number = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield number, InputError(
                f"{source}:{number}", f"row {number} has {len(row)} cells but the header names {len(header)}"
            )
            continue
        yield number, dict(zip(header, row + [""] * (len(header) - len(row))))


def _is_json_lines(text: str) -> bool:
    lines = [line for line in text.splitlines()[:3] if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") and line.rstrip().endswith("}") for line in lines)


def _json_lines(source: str, text: str, options: LoadOptions, quiet: bool = False) -> Iterator[Item]:
    def parsed() -> Iterator[tuple[int, object]]:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    yield number, _load_json(line)
                except json.JSONDecodeError as exc:
                    yield number, InputError(f"{source}:{number}", f"broken JSON line: {exc.msg}")
                except RecursionError:
                    yield number, InputError(f"{source}:{number}", "broken JSON line: nested too deep")

    yield from _records(source, parsed(), options, unit="line", quiet=quiet)


def _record_list(payload: object) -> list | None:
    if isinstance(payload, list):
        return payload
    if isinstance(payload, dict):
        lists = [v for v in payload.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:
            return lists[0]
        if any(key in payload for key in FIELD_CANDIDATES["text"]):
            return [payload]
    return None


def resolve_fields(keys: list[str], given: dict[str, str]) -> dict[str, str]:
    """Map Storyline's field names to a record's keys: the user's mapping first, then guesses."""
    lower = {k.lower(): k for k in keys}
    mapping: dict[str, str] = {}
    for name, candidates in FIELD_CANDIDATES.items():
        if given.get(name):
            mapping[name] = given[name]
            continue
        for candidate in candidates:
            if candidate in lower:
                mapping[name] = lower[candidate]
                break
    return mapping


# How many leading records are read to find a bulk file's field names.
MAPPING_SAMPLE = 50


def _records(source: str, numbered, options: LoadOptions, unit: str, quiet: bool = False) -> Iterator[Item]:
    """One item per record: a report, or an error that names the record; never a silent drop."""
    numbered = iter(numbered)
    head = list(itertools.islice(numbered, MAPPING_SAMPLE))
    keys: dict[str, None] = {}
    for _, record in head:
        if isinstance(record, dict):
            keys.update(dict.fromkeys(str(k) for k in record))
    mapping = resolve_fields(list(keys), options.fields)
    if "text" not in mapping:
        if head and not quiet:
            shown = ", ".join(list(keys)[:12]) or "none"
            yield InputError(source, f"no text field found among: {shown} (use --text-field)")
        elif not head and not quiet:
            yield InputError(source, "no records in this file")
        return
    seen: dict[str, int] = {}
    count = 0
    for number, record in itertools.chain(head, numbered):
        count += 1
        if isinstance(record, InputError):
            yield record
            continue
        where = f"{source}:{number}" if unit in ("line", "row") else f"{source}#{number}"
        if not isinstance(record, dict):
            yield InputError(where, f"{unit} {number} is not an object")
            continue
        try:
            yield _record_input(source, where, number, record, mapping, seen)
        except (ValueError, TypeError, RecursionError) as exc:
            yield InputError(where, f"unreadable {unit}: {_one_line(exc)}")
    if not count and not quiet:
        yield InputError(source, "no records in this file")


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def clean_str(value: object) -> str:
    """A record's value as text, lone surrogates (from JSON escapes) replaced by U+FFFD."""
    return _SURROGATE_RE.sub("\ufffd", str(value))


def _record_input(source: str, where: str, number: int, record: dict, mapping: dict[str, str],
                  seen: dict[str, int] | None = None) -> Item:
    text = record.get(mapping["text"])
    if not isinstance(text, str) or not text.strip():
        return InputError(where, f"empty or missing text field {mapping['text']!r}")
    text = clean_str(text)
    fields: dict[str, str] = {}
    for name in ("title", "published", "author", "outlet", "url"):
        value = record.get(mapping.get(name, ""))
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if value not in (None, ""):
            fields[name] = clean_str(value)
    ident = record.get(mapping.get("id", ""))
    key = clean_str(ident) if ident not in (None, "") else str(number)
    if seen is not None:
        # A repeated id in one file is another record, not a replacement of the first.
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}~{seen[key]}"
    if "published" not in fields:
        stamp = stamp_from_identifier(key)
        if stamp:
            fields["published"] = stamp
            fields["published_method"] = "filename"
    return RawInput(source=f"{source}#{key}", content=text, kind=kind_of(key, text), fields=fields)


def stamp_from_identifier(name: str) -> str | None:
    """An ISO date or datetime embedded in a file name or identifier, if it is plausible."""
    match = STAMP_RE.search(name)
    if not match:
        return None
    year, month, day, hh, mm, ss = match.groups()
    if not (1990 <= int(year) <= 2100 and 1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    if hh:
        return f"{year}-{month}-{day}T{hh}:{mm}:{ss or '00'}"
    return f"{year}-{month}-{day}"
