"""The ``storyline`` command line: parses arguments, calls the library, renders results.

Exit codes: 0 success; 1 some inputs failed (the rest were stored); 2 bad usage or no
usable input at all; 3 the store could not be opened or written (locked, corrupt, newer).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyline import __version__
from storyline import config as config_module
from storyline.store.db import Store, StoreError
from storyline.textsafe import terminal_text

if TYPE_CHECKING:  # the ingest stack imports slowly; query commands never need it
    from storyline.ingest.pipeline import ItemStatus, Summary

EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_STORE = 3

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Fail(click.ClickException):
    """A user-facing failure: one line on stderr and an exit code, never a traceback."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = code

    def show(self, file: Any = None) -> None:
        err.print(f"[red]error:[/] {escape(self.message)}")


def _config(ctx: click.Context) -> dict:
    return ctx.obj["config"]


POINTER = ".storyline-store"
"""Written by ``storyline analyze -o OUT`` in the folder it runs in: the store later commands use."""


def _db_path(ctx: click.Context, db: str | None) -> str:
    """The store a command uses, in this order: ``--db``; ``$STORYLINE_DB``; the configured store
    (``./storyline.duckdb``) if it exists; the store the last ``analyze`` run in this folder
    recorded in ``.storyline-store``; else the configured store (created by ``ingest``)."""
    import os

    if db:
        return db
    if os.environ.get("STORYLINE_DB"):
        return os.environ["STORYLINE_DB"]
    default = _config(ctx)["store"]["path"]
    if Path(default).exists():
        return default
    pointer = Path(POINTER)
    if pointer.is_file():
        recorded = pointer.read_text(encoding="utf-8").strip()
        if recorded and Path(recorded).exists():
            return recorded
    return default


def _remember_store(path: str) -> None:
    """Record ``path`` as this folder's store for later commands, when it lies inside this
    folder (``analyze -o out``) and is not the default store, which is found anyway."""
    import os

    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return
    if relative.startswith("..") or Path(relative) == Path(_DEFAULT_STORE):
        return
    try:
        Path(POINTER).write_text(relative + "\n", encoding="utf-8")
    except OSError:
        pass


_DEFAULT_STORE = "storyline.duckdb"


def _open(path: str, read_only: bool) -> Store:
    try:
        return Store.open(path, read_only=read_only)
    except StoreError as exc:
        raise Fail(str(exc), EXIT_STORE) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file overriding the defaults.")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """Storyline: turn overlapping news reports into an evidence-backed situation picture."""
    try:
        ctx.obj = {"config": config_module.load(config_path)}
    except config_module.ConfigError as exc:
        raise Fail(str(exc)) from None


# -- ingest ----------------------------------------------------------------------------

STATUS_STYLE = {"added": "green", "updated": "cyan", "unchanged": "dim", "duplicate": "yellow", "error": "red"}


def _safe(value: object) -> str:
    """Report-derived text for the terminal: markup escaped, control sequences neutralised."""
    return escape(terminal_text(str(value)))


def _status_line(item: ItemStatus) -> str:
    style = STATUS_STYLE.get(item.status, "")
    parts = [f"[{style}]{item.status:<9}[/]", _safe(item.doc_id or "-"), _safe(item.source)]
    if item.duplicate_of:
        parts.append(f"[yellow](copy of {_safe(item.duplicate_of)})[/]")
    if item.message:
        parts.append(_safe(item.message))
    return "  ".join(parts)


def ingest_inputs(ctx: click.Context, inputs: tuple[str, ...], db: str, fields: dict[str, str],
                  allow_private: bool, max_bytes: int | None, as_json: bool, command: str = "ingest") -> Summary:
    """Shared by ``ingest``, ``analyze`` and ``demo``: ingest with progress and per-item lines."""
    from storyline.ingest.fetch import FetchOptions
    from storyline.ingest.loaders import LoadOptions
    from storyline.ingest.pipeline import iter_inputs, run_ingest

    cfg = _config(ctx)["ingest"]
    load = LoadOptions(max_bytes=max_bytes or cfg["max_bytes"], fields=fields)
    fetch_options = FetchOptions(
        timeout=cfg["fetch_timeout"], max_bytes=max_bytes or cfg["max_bytes"],
        max_redirects=cfg["max_redirects"], allow_private=allow_private,
    )
    store = _open(db, read_only=False)
    try:
        with Progress(
            SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
            MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True, disable=as_json,
        ) as progress:
            task = progress.add_task("ingesting", total=None)

            def report(item: ItemStatus) -> None:
                progress.advance(task)
                if as_json:
                    click.echo(json.dumps(item.__dict__, ensure_ascii=False))
                else:
                    progress.console.print(_status_line(item))

            summary = run_ingest(store, iter_inputs(inputs, load, fetch_options), _config(ctx), report, command)
    except StoreError as exc:
        raise Fail(str(exc), EXIT_STORE) from None
    finally:
        store.close()
    return summary


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", help="Store file (default: ./storyline.duckdb).")
@click.option("--text-field", help="Bulk files: the field holding the report's text.")
@click.option("--title-field", help="Bulk files: the title field.")
@click.option("--date-field", help="Bulk files: the publication date field.")
@click.option("--author-field", help="Bulk files: the author field.")
@click.option("--outlet-field", help="Bulk files: the outlet/publisher field.")
@click.option("--url-field", help="Bulk files: the original URL field.")
@click.option("--id-field", help="Bulk files: a stable identifier (file name, id) for each record.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on loopback and private networks.")
@click.option("--max-bytes", type=click.IntRange(min=1), help="Largest file or page accepted.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input instead of lines.")
@click.pass_context
def ingest(ctx, inputs, db, text_field, title_field, date_field, author_field, outlet_field, url_field,
           id_field, allow_private, max_bytes, as_json):
    """Read reports into the store.

    INPUTS are text, Markdown or HTML files, folders (read recursively), JSON, JSON Lines
    or CSV files of many reports, RSS/Atom feeds, http(s) URLs, or - for stdin.

    Example: storyline ingest reports/ feed.xml https://example.org/story.html
    """
    fields = {name: value for name, value in (
        ("text", text_field), ("title", title_field), ("published", date_field), ("author", author_field),
        ("outlet", outlet_field), ("url", url_field), ("id", id_field)) if value}
    summary = ingest_inputs(ctx, inputs, _db_path(ctx, db), fields, allow_private, max_bytes, as_json)
    _finish(summary, as_json)


def _finish(summary: Summary, as_json: bool) -> None:
    line = (f"{summary.count('added')} added, {summary.count('updated')} updated, "
            f"{summary.count('unchanged')} unchanged, {summary.count('duplicate')} duplicate, "
            f"{summary.near_duplicates} near-duplicate, {summary.failed} failed")
    err.print(line)
    if summary.failed and summary.failed == len(summary.items):
        sys.exit(EXIT_USAGE)
    if summary.failed:
        sys.exit(EXIT_PARTIAL)


# -- ls / show -------------------------------------------------------------------------


def _doc_json(row: dict[str, Any], full: bool = False) -> dict[str, Any]:
    keep = ("id", "source", "title", "author", "outlet", "published", "published_precision",
            "published_method", "language", "word_count", "republished_from", "duplicate_of", "similarity")
    data = {key: row.get(key) for key in keep}
    if "removed_count" in row:
        data["removed_count"] = row["removed_count"]
    if full:
        data["text"] = row["text"]
    return data


@cli.command(name="ls")
@click.option("--db", help="Store file (default: ./storyline.duckdb).")
@click.option("--json", "as_json", is_flag=True, help="A JSON list instead of a table.")
@click.pass_context
def ls_command(ctx, db, as_json):
    """List stored documents with their metadata and duplicate status.

    Example: storyline ls --json
    """
    with _open(_db_path(ctx, db), read_only=True) as store:
        rows = store.list_documents()
    if as_json:
        click.echo(json.dumps([_doc_json(r) for r in rows], ensure_ascii=False, indent=2, default=str))
        return
    table = Table(show_lines=False)
    for name in ("id", "published", "lang", "words", "removed", "title / source", "status"):
        table.add_column(name)
    for r in rows:
        status = f"copy of {r['duplicate_of']}" if r["duplicate_of"] else "original"
        title = r["title"] or Path(r["source"]).name
        table.add_row(r["id"], r["published"] or "-", r["language"] or "?", str(r["word_count"]),
                      str(r["removed_count"]), _safe(title[:70]), status)
    out.print(table)
    out.print(f"{len(rows)} documents")


@cli.command()
@click.argument("doc")
@click.option("--db", help="Store file (default: ./storyline.duckdb).")
@click.option("--removed", "show_removed", is_flag=True, help="List the debris removed from the report.")
@click.option("--json", "as_json", is_flag=True, help="The document as JSON.")
@click.pass_context
def show(ctx, doc, db, show_removed, as_json):
    """Show one document: its metadata and cleaned text, or what cleaning removed.

    DOC is a document id (or a unique prefix of one) or the source it was read from.

    Example: storyline show d3f2a9 --removed
    """
    with _open(_db_path(ctx, db), read_only=True) as store:
        try:
            row = store.find_document(doc)
        except StoreError as exc:
            raise Fail(str(exc)) from None
        if row is None:
            raise Fail(f"no document {doc!r} in the store (see 'storyline ls')")
        removed = store.removed_spans(row["id"])
        references = store.references(row["id"])
    if as_json:
        data = _doc_json(row, full=True)
        data["removed"] = [{"reason": s.reason, "text": s.text, "start": s.start, "end": s.end} for s in removed]
        data["references"] = references
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    for key, value in _doc_json(row).items():
        if value not in (None, ""):
            out.print(f"[bold]{key}:[/] {_safe(value)}")
    out.print()
    if show_removed:
        for span in removed:
            where = f"{span.start}-{span.end}" if span.start is not None else "page"
            out.print(f"[yellow]{span.reason:<18}[/] [dim]{where:>11}[/]  {_safe(span.text[:200])}")
        if references:
            out.print("[bold]references:[/]")
            for ref in references:
                out.print(f"  {_safe(ref)}")
        out.print(f"{len(removed)} spans removed")
    else:
        out.print(_safe(row["text"]))


@cli.command(name="rm")
@click.argument("docs", nargs=-1, required=True)
@click.option("--db", help="Store file (default: ./storyline.duckdb).")
@click.pass_context
def rm_command(ctx, docs, db):
    """Remove documents from the store, with everything extracted from them.

    DOC is a document id (or a unique prefix of one) or the source it was read from. Copies
    of a removed report are kept: the earliest becomes the original. The next `analyze`
    updates the cross-source results.

    Example: storyline rm d3f2a9 --db out/storyline.duckdb
    """
    missing = 0
    with _open(_db_path(ctx, db), read_only=False) as store:
        for key in docs:
            try:
                row = store.find_document(key)
            except StoreError as exc:
                err.print(f"[red]error:[/] {_safe(exc)}")
                missing += 1
                continue
            if row is None:
                err.print(f"[red]error:[/] no document {_safe(key)!r} in the store (see 'storyline ls')")
                missing += 1
                continue
            sources = store.remove_document(row["id"])
            out.print(f"removed  {_safe(row['id'])}  {_safe(', '.join(sources) or row['source'])}")
    if missing:
        sys.exit(EXIT_USAGE if missing == len(docs) else EXIT_PARTIAL)


# -- analyze / demo -------------------------------------------------------------------


class _RichProgress:
    """Per-stage progress bars on stderr for the API's callbacks."""

    def __init__(self, progress: Progress, as_json: bool) -> None:
        self.progress = progress
        self.task = None
        self.as_json = as_json

    def stage(self, name: str, total: int | None = None) -> None:
        if self.task is not None:
            self.progress.update(self.task, visible=False)
        self.task = self.progress.add_task(name, total=total)

    def advance(self, n: int = 1) -> None:
        if self.task is not None:
            self.progress.advance(self.task, n)

    def item(self, status: ItemStatus) -> None:
        if status.status == "error" or not self.as_json:
            self.progress.console.print(_status_line(status))


def run_analysis(ctx: click.Context, inputs: tuple[str, ...], outdir: str, db: str | None,
                 allow_private: bool, quiet: bool = False, workers: int | None = None,
                 engine: str | None = None, address: str | None = None) -> None:
    from storyline.analysis.embed import EncoderError
    from storyline.api import analyze as analyze_api
    from storyline.ingest.pipeline import is_url
    from storyline.nlp.ray_engine import EngineError
    from storyline.store.db import StoreError as _StoreError

    out_path = Path(outdir)
    db_path = db or str(out_path / "storyline.duckdb")
    with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True) as progress:
        callbacks = _RichProgress(progress, quiet)
        try:
            # On the command line every input names a file, folder, URL or stdin, never a report's text.
            named = [arg if arg == "-" or is_url(arg) else Path(arg) for arg in inputs]
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # failed inputs already have a line each
                result = analyze_api(named, db=db_path, config=_config(ctx), allow_private=allow_private,
                                     progress=callbacks, workers=workers, engine=engine, address=address,
                                     keep_model=False)  # the process ends with the run
        except _StoreError as exc:
            raise Fail(str(exc), EXIT_STORE) from None
        except (EngineError, EncoderError) as exc:
            raise Fail(str(exc), EXIT_USAGE) from None
        callbacks.stage("render")
        paths = result.write(out_path)
    failed = result.ingest.failed if result.ingest else 0
    for error in result.extraction_errors:
        err.print(f"error  {escape(error.source)}: {escape(error.message)} (kept; retried on the next run)")
    if result.ingest and result.ingest.items and failed == len(result.ingest.items) and not result.corpus.documents:
        raise Fail("no input could be read (see the lines above)")
    failed += len(result.extraction_errors)
    _remember_store(db_path)
    if result.changes:
        from storyline.store.changes import KINDS, TITLES

        counts = [f"{len(result.changes[k])} {TITLES[k].lower()}" for k in KINDS if result.changes.get(k)]
        err.print(f"since run {result.changes['since']}: {', '.join(counts) or 'nothing new'} "
                  "(storyline changes)")
    err.print(f"[bold]{escape(result.summary())}[/] → {escape(str(paths['html']))}")
    if failed:
        sys.exit(EXIT_PARTIAL)


@cli.command()
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", "outdir", required=True,
              help="Folder for analysis.json, briefing.html, briefing.md and explorer.html.")
@click.option("--db", help="Store file (default: OUTDIR/storyline.duckdb); reused, so a rerun is incremental.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on loopback and private networks.")
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Processes that parse reports side by side (default: [model] workers; 0: one per CPU core).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default=None,
              help="Where reports are parsed: local processes or Ray actors (default: [model] engine).")
@click.option("--address", default=None,
              help="With --engine ray: the Ray cluster to join (ray://HOST:10001 or auto); default a local Ray.")
@click.pass_context
def analyze(ctx, inputs, outdir, db, allow_private, workers, engine, address):
    """Ingest, extract and analyse reports; store the run; write the briefing, explorer and analysis.json.

    INPUTS are anything 'storyline ingest' reads. With none, the store is analysed as it is.
    The store (OUTDIR/storyline.duckdb unless --db) becomes this folder's store for later
    commands (recorded in .storyline-store).

    Example: storyline analyze ../shared/corpus/seeds -o out
    """
    run_analysis(ctx, inputs, outdir, db, allow_private, workers=workers, engine=engine, address=address)


@cli.command()
@click.option("-o", "--output", "outdir", default="demo-out", show_default=True, help="Folder for the results.")
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Processes that parse reports side by side (default: one per CPU core).")
@click.pass_context
def demo(ctx, outdir, workers):
    """Run Storyline on the bundled example corpus.

    Example: storyline demo -o demo-out
    """
    from storyline.data import example_corpus

    with example_corpus() as folder:
        run_analysis(ctx, (str(folder),), outdir, None, False, workers=workers)


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="storyline", standalone_mode=True)
    except KeyboardInterrupt:
        err.print("interrupted: what was committed is kept")
        sys.exit(130)


# The commands that read an analysis live in their own module and register on ``cli``.
from storyline import cli_records  # noqa: E402,F401
from storyline import cli_kb  # noqa: E402,F401

if __name__ == "__main__":
    # Run the imported module's group, on which the record commands registered.
    from storyline.cli import main as run

    run()
