"""``storyline`` commands that read the store's analysis: actors, quotes, figures, statements,
events, conflicts, timeline, network, options and export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from storyline.cli import EXIT_STORE, Fail, _config, _db_path, _RichProgress, cli, err, out
from storyline.render.view import plural
from storyline.store.db import Store, StoreError


def _load_analysis(ctx: click.Context, db: str | None, keys: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The store's latest stored analysis as the JSON contract, read back without recomputing.

    A store whose documents changed since that analysis says so in one line; a store that
    was never analysed is analysed once (and the run stored). ``keys`` limits what is read
    to the contract's keys a command shows (``names`` for actor names only).
    """
    from storyline import config as config_module
    from storyline.store import runs

    path = _db_path(ctx, db)
    if not Path(path).exists():
        raise Fail(f"no store at {path} (run 'storyline ingest' or 'storyline analyze' first, or pass --db)", EXIT_STORE)
    try:
        with Store.open(path, read_only=True) as store:
            stamp = runs.latest(store)
            if stamp is not None:
                stale = runs.staleness(store, stamp, config_module.config_hash(_config(ctx)))
                if stale:
                    err.print(f"[yellow]note:[/] {escape(stale)}; update with "
                              f"'storyline analyze --db {escape(path)} -o OUTDIR'")
                return runs.contract(store, stamp, keys)
    except StoreError as exc:
        raise Fail(str(exc), EXIT_STORE) from None
    return _analyse_now(ctx, path)


def _analyse_now(ctx: click.Context, path: str) -> dict[str, Any]:
    """Analyse a store that has documents but no stored analysis yet, and store the run."""
    from storyline.api import analyze as analyze_api

    err.print("no stored analysis yet: analysing the store once")
    with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(), console=err, transient=True) as progress:
        try:
            return analyze_api([], db=path, config=_config(ctx), progress=_RichProgress(progress, True)).to_dict()
        except StoreError as exc:
            raise Fail(str(exc), EXIT_STORE) from None


def _emit(rows: list[dict[str, Any]], as_json: bool, columns: list[tuple[str, str]], title: str) -> None:
    """Rows as JSON, or as a table of the named columns (key, heading)."""
    if as_json:
        # The contract's records as they are: names added for tables are left out.
        plain = [{k: v for k, v in row.items() if not k.endswith("_name")} for row in rows]
        click.echo(json.dumps(plain, ensure_ascii=False, indent=2, default=str))
        return
    table = Table(title=title, show_lines=False)
    for _, heading in columns:
        table.add_column(heading, overflow="fold")
    for row in rows:
        table.add_row(*[escape(_cell(row.get(k))) for k, _ in columns])
    out.print(table)
    many = title.lower()
    one = many[:-3] + "y" if many.endswith("ies") else many.removesuffix("s")
    out.print(plural(len(rows), one, many))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    return str(value)


DB_OPTION = click.option("--db", help="Store file (default: ./storyline.duckdb).")
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")


def _names(data: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e["name"] for e in data["entities"]}


def _named(rows: list[dict[str, Any]], names: dict[str, str], *fields: str) -> list[dict[str, Any]]:
    """Copies of the rows with actor ids replaced by names in a ``*_name`` field, for tables."""
    out = []
    for row in rows:
        row = dict(row)
        for name in fields:
            value = row.get(name)
            if isinstance(value, list):
                row[f"{name}_name"] = [names.get(v, v) for v in value]
            elif value:
                row[f"{name}_name"] = names.get(value, value)
        out.append(row)
    return out


@cli.command()
@DB_OPTION
@JSON_OPTION
@click.option("--type", "etype", help="Only actors of this type (person, state, organization, igo, place, group).")
@click.pass_context
def actors(ctx, db, as_json, etype):
    """Canonical actors with their mention counts, types, roles and Wikidata ids.

    Example: storyline actors --type person
    """
    data = _load_analysis(ctx, db, ("entities",))
    rows = [dict(e, mention_count=len(e["mentions"])) for e in data["entities"] if not etype or e["type"] == etype]
    if not as_json:
        for row in rows:
            row["aliases"] = row["aliases"][:5]
    _emit(rows, as_json, [("name", "actor"), ("type", "type"), ("mention_count", "mentions"), ("docs", "reports"),
                          ("kb_id", "QID"), ("roles", "roles"), ("aliases", "as")], "Actors")


@cli.command()
@DB_OPTION
@JSON_OPTION
@click.option("--speaker", help="Only quotes by speakers whose name contains this.")
@click.pass_context
def quotes(ctx, db, as_json, speaker):
    """Who said what: direct and reported speech with speakers, cues and documents.

    Example: storyline quotes --speaker Trudeau
    """
    data = _load_analysis(ctx, db, ("quotes", "names"))
    rows = _named(data["quotes"], _names(data), "speaker", "via")
    if speaker:
        rows = [r for r in rows if speaker.lower() in (r.get("speaker_name") or r.get("speaker_text") or "").lower()]
    _emit(rows, as_json, [("speaker_name", "speaker"), ("speaker_text", "as written"), ("cue", "cue"),
                          ("direct", "direct"), ("via_name", "via"), ("text", "text"), ("doc", "document")], "Quotes")


@cli.command()
@DB_OPTION
@JSON_OPTION
@click.pass_context
def figures(ctx, db, as_json):
    """Every figure with its range, qualifier, what it counts, stage, date and who gives it.

    Example: storyline figures --json
    """
    data = _load_analysis(ctx, db, ("figures", "names"))
    rows = _named(data["figures"], _names(data), "subject", "attributed_to")
    _emit(rows, as_json, [("value", "value"), ("low", "low"), ("high", "high"), ("qualifier", "qualifier"),
                          ("counts", "counts"), ("subject_name", "whose"), ("stage", "stage"), ("date", "date"),
                          ("attributed_text", "given by"), ("status", "status"), ("doc", "document")], "Figures")


@cli.command()
@DB_OPTION
@JSON_OPTION
@click.option("--type", "kind", type=click.Choice(["fact", "estimate", "prediction", "recommendation", "opinion", "question"]),
              help="Only statements of this type.")
@click.option("--status", type=click.Choice(["confirmed", "asserted", "reported", "expected", "possible",
                                             "unconfirmed", "denied", "negated"]), help="Only statements with this status.")
@click.option("--actor", help="Only statements by or about actors whose name contains this.")
@click.pass_context
def statements(ctx, db, as_json, kind, status, actor):
    """What each report asserts, who asserts it, how sure, and of what type.

    Example: storyline statements --type recommendation --status unconfirmed
    """
    data = _load_analysis(ctx, db, ("statements", "names"))
    names = _names(data)
    rows = _named(data["statements"], names, "source", "actors")
    if kind:
        rows = [r for r in rows if r["kind"] == kind]
    if status:
        rows = [r for r in rows if r["status"] == status]
    if actor:
        needle = actor.lower()
        rows = [r for r in rows if needle in (r.get("source_name") or r.get("source_text") or "").lower()
                or any(needle in n.lower() for n in r.get("actors_name", []))]
    _emit(rows, as_json, [("kind", "type"), ("status", "status"), ("source_name", "source"),
                          ("source_text", "as written"), ("text", "text"), ("doc", "document")], "Statements")


@cli.command()
@DB_OPTION
@JSON_OPTION
@click.pass_context
def events(ctx, db, as_json):
    """Who did what to whom, with PLOVER event types and modes.

    Example: storyline events --json
    """
    data = _load_analysis(ctx, db, ("events", "names"))
    rows = _named(data["events"], _names(data), "actors", "recipients")
    _emit(rows, as_json, [("type", "type"), ("mode", "mode"), ("actors_name", "actors"), ("recipients_name", "recipients"),
                          ("date", "date"), ("location", "where"), ("status", "status"), ("text", "text")], "Events")


@cli.command()
@DB_OPTION
@JSON_OPTION
@click.pass_context
def conflicts(ctx, db, as_json):
    """Where the reports contradict each other, with both sides' evidence.

    Example: storyline conflicts
    """
    data = _load_analysis(ctx, db, ("conflicts",))
    if as_json:
        _emit(data["conflicts"], True, [], "Conflicts")
        return
    for c in data["conflicts"]:
        out.print(f"[bold]{escape(c['kind'])}[/]{' (' + escape(c['assessment']) + ')' if c.get('assessment') else ''}: "
                  f"{escape(c['summary'])}")
        for side in c["sides"]:
            out.print(f"  [dim]{escape(side['doc'])} {side['start']}-{side['end']}[/] “{escape(side['text'])}”")
    out.print(plural(len(data["conflicts"]), "conflict"))


@cli.command()
@DB_OPTION
@JSON_OPTION
@click.pass_context
def timeline(ctx, db, as_json):
    """Dated events and statements in order; undated ones placed by their report's date.

    Example: storyline timeline --json
    """
    data = _load_analysis(ctx, db, ("timeline",))
    _emit(data["timeline"], as_json, [("date", "date"), ("precision", "precision"), ("kind", "kind"),
                                      ("text", "text"), ("docs", "reports")], "Timeline entries")


@cli.command()
@DB_OPTION
@JSON_OPTION
@click.option("--graphml", "graphml", type=click.Path(dir_okay=False), help="Also write the network as GraphML here.")
@click.pass_context
def network(ctx, db, as_json, graphml):
    """Typed, directed relations between actors, weighted by independent sources.

    Example: storyline network --graphml network.graphml
    """
    data = _load_analysis(ctx, db, ("network", "names"))
    if graphml:
        from storyline.render.export import export

        export(data, None, "graphml", Path(graphml))
    names = _names(data)
    rows = [dict(e, source_name=names.get(e["source"], e["source"]), target_name=names.get(e["target"], e["target"]))
            for e in data["network"]["edges"]]
    if as_json:
        click.echo(json.dumps(data["network"], ensure_ascii=False, indent=2))
        return
    _emit(rows, False, [("source_name", "from"), ("type", "relation"), ("target_name", "to"), ("weight", "reports")],
          "Relations")


@cli.command()
@DB_OPTION
@JSON_OPTION
@click.pass_context
def options(ctx, db, as_json):
    """Policy options raised in the reports: advocates, opponents, addressees, consequences.

    Example: storyline options
    """
    data = _load_analysis(ctx, db, ("options", "names"))
    names = _names(data)

    def who(ids: list[str]) -> list[str]:
        return [names.get(i, i.split(":", 1)[0] + " of " + i.split(":", 1)[1] if i.startswith("author:") else i)
                for i in ids]

    rows = [dict(o, advocates=who(o["advocates"]), opponents=who(o["opponents"]), addressed=who(o["addressed"]))
            for o in data["options"]]
    _emit(data["options"] if as_json else rows, as_json,
          [("option", "option"), ("advocates", "advocates"), ("opponents", "opponents"), ("addressed", "addressed"),
           ("consequences", "consequences"), ("docs", "reports")], "Options")


@cli.command(name="export")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "parquet", "graphml", "plover"]), required=True)
@click.option("-o", "--output", "output", required=True, type=click.Path(), help="File (json, graphml, plover) or folder (csv, parquet).")
@click.option("--all-events", is_flag=True, help="PLOVER: also events that are hypothetical, unconfirmed, denied or negated.")
@click.pass_context
def export_command(ctx, db, fmt, output, all_events):
    """Export the store's analysis: JSON, CSV or Parquet tables, GraphML network, PLOVER events.

    Example: storyline export --format csv -o tables/
    """
    from storyline.render.export import export

    data = _load_analysis(ctx, db)
    paths = export(data, None, fmt, Path(output), include_uncounted=all_events)
    err.print(f"wrote {len(paths)} file{'s' if len(paths) != 1 else ''}: {escape(', '.join(str(p) for p in paths))}")




@cli.command()
@DB_OPTION
@JSON_OPTION
@click.option("--since", "since", type=int, help="Compare with this run (default: the run before the latest).")
@click.pass_context
def changes(ctx, db, as_json, since):
    """What is new in the latest analysis: new claims, newly corroborated or disputed claims,
    new conflicts, revised estimates and new actors.

    Example: storyline changes --since 1 --json
    """
    from storyline.store import runs
    from storyline.store.changes import KINDS, TITLES, compare

    path = _db_path(ctx, db)
    if not Path(path).exists():
        raise Fail(f"no store at {path} (run 'storyline analyze' first, or pass --db)", EXIT_STORE)
    try:
        with Store.open(path, read_only=True) as store:
            latest = runs.latest(store)
            if latest is None:
                raise Fail(f"no stored analysis in {path} (run 'storyline analyze' first)")
            before = runs.find_run(store, since if since is not None else latest.id - 1)
            if before is None or before.id >= latest.id:
                if since is not None:
                    raise Fail(f"no earlier run {since} in {path} (runs: "
                               f"{', '.join(str(r.id) for r in runs.AnalysisTables(store.con).runs())})")
                data = {"since": None, "run": latest.id, "new_documents": [], **{k: [] for k in KINDS}}
            else:
                data = compare(runs.load(store, before), runs.load(store, latest), before, latest)
    except StoreError as exc:
        raise Fail(str(exc), EXIT_STORE) from None
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    if data["since"] is None:
        out.print(f"run {latest.id} is the first analysis of this store: nothing to compare with")
        return
    out.print(f"[bold]run {data['run']} against run {data['since']}[/]: "
              f"{plural(len(data['new_documents']), 'new document')}")
    for kind in KINDS:
        items = data[kind]
        if not items:
            continue
        out.print(f"[bold]{TITLES[kind]}[/] ({len(items)})")
        for item in items:
            note = f" [dim]({escape(item['note'])})[/]" if item.get("note") else ""
            out.print(f"  {escape(' '.join(str(item['text']).split()))}{note}")
            for ev in item.get("evidence", [])[:2]:
                text = " ".join(str(ev.get("text", "")).split())
                out.print(f"    [dim]{escape(str(ev.get('doc')))}[/] “{escape(text)}”")
