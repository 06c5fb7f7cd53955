"""Hostile bulk files and text: every record gets a status, good records among bad ones are kept."""

from __future__ import annotations

import json

import pytest

from storyline.ingest.loaders import InputError, LoadOptions, iter_path, kind_of
from storyline.models import RawInput

BODY = "Flood waters rose across the delta on Tuesday, the disaster agency said in a statement."


def items(path, **kw):
    return list(iter_path(path, LoadOptions(**kw)))


def good(found):
    return [i for i in found if isinstance(i, RawInput)]


def errors(found):
    return [i for i in found if isinstance(i, InputError)]


def test_csv_row_wider_than_its_header_is_one_error_and_later_rows_are_kept(tmp_path):
    (tmp_path / "a.csv").write_text(f'id,text\n1,"{BODY}",extra,cells\n2,"{BODY} Two."\n')
    found = items(tmp_path / "a.csv")
    assert [i.source.rsplit("#", 1)[-1] for i in good(found)] == ["2"]
    [bad] = errors(found)
    assert "row 2" in bad.message or bad.source.endswith(":2")


def test_json_nested_too_deep_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 5000 + "]" * 5000)
    [bad] = items(tmp_path / "deep.json")
    assert isinstance(bad, InputError) and "deep" in bad.message


def test_a_five_thousand_digit_number_does_not_lose_its_record(tmp_path):
    (tmp_path / "n.json").write_text('[{"text": "%s", "n": %s}]' % (BODY, "9" * 5000))
    [item] = items(tmp_path / "n.json")
    assert isinstance(item, RawInput) and item.content == BODY


def test_json_lines_with_a_huge_number_lose_nothing(tmp_path):
    lines = [json.dumps({"text": BODY}), '{"text": "%s C", "n": %s}' % (BODY, "9" * 5000), json.dumps({"text": BODY + " B"})]
    (tmp_path / "n.jsonl").write_text("\n".join(lines))
    found = items(tmp_path / "n.jsonl")
    assert len(good(found)) == 3 and not errors(found)


@pytest.mark.parametrize("field", ["text", "title", "author", "outlet", "id"])
def test_lone_surrogates_are_replaced_not_fatal(tmp_path, field):
    record = {"text": BODY, "title": "T", "author": "A", "outlet": "O", "id": "x1"}
    record[field] = record[field] + "\ud800"
    (tmp_path / "s.json").write_text(json.dumps([record, {"text": BODY + " Again.", "id": "x2"}]))
    found = items(tmp_path / "s.json")
    assert len(good(found)) == 2
    for item in good(found):
        for value in [item.content, item.source, *item.fields.values()]:
            value.encode("utf-8")  # raises on a lone surrogate


def test_first_record_without_text_does_not_refuse_the_file(tmp_path):
    records = [{"id": "head", "note": "no text here"}, {"id": "a", "text": BODY}, {"id": "b", "text": BODY + " B"}]
    (tmp_path / "r.json").write_text(json.dumps(records))
    found = items(tmp_path / "r.json")
    assert len(good(found)) == 2
    [bad] = errors(found)
    assert "head" in bad.source or "#1" in bad.source


@pytest.mark.parametrize("name,content", [
    ("header.csv", "id,text\n"), ("empty.json", "[]"), ("bom.json", "\ufeff"), ("bom.csv", "\ufeff"),
    ("empty.jsonl", "\n\n"),
])
def test_bulk_files_without_records_say_so(tmp_path, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    [bad] = items(tmp_path / name)
    assert isinstance(bad, InputError)


def test_repeated_id_in_one_bulk_file_keeps_both_records(tmp_path):
    records = [{"id": "7", "text": BODY}, {"id": "7", "text": BODY + " Different."}]
    (tmp_path / "r.json").write_text(json.dumps(records))
    found = good(items(tmp_path / "r.json"))
    assert len(found) == 2 and len({i.source for i in found}) == 2


def test_a_file_named_like_a_record_does_not_share_its_source(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"text": BODY}]))
    (tmp_path / "a.json#1").write_text(BODY + " Other.")
    bulk = good(items(tmp_path / "a.json"))
    single = good(items(tmp_path / "a.json#1", ))
    assert bulk and single and bulk[0].source != single[0].source


def test_plain_text_mentioning_a_body_tag_stays_text():
    text = "Developers said the <body> element of the ministry site was replaced on Monday.\n" + BODY
    assert kind_of("-", text) == "text"
    assert kind_of("-", "<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert kind_of("-", "  <div><p>A page fragment</p><body></body></div>") == "html"


def test_empty_folder_is_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    [bad] = items(tmp_path / "empty")
    assert isinstance(bad, InputError) and "no reports" in bad.message


@pytest.mark.parametrize("text", [
    "Война в регионе продолжается, заявили в министерстве обороны.",
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα για τους πληγέντες.",
])
@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "cp1253", "koi8-r", "iso-8859-7"])
def test_short_cyrillic_and_greek_files_are_not_mojibake(tmp_path, text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip("that script is not in this code page")
    (tmp_path / "short.txt").write_bytes(data)
    [item] = items(tmp_path / "short.txt")
    assert isinstance(item, RawInput)
    letters = [c for c in item.content if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    assert latin / len(letters) < 0.2, item.content


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\uff1d1+1"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cell):
    from storyline.render.export import _csv_cell, STR

    out = _csv_cell(cell, STR)
    assert out.startswith("'") and out[1:] == cell


def test_ordinary_csv_cells_are_unchanged():
    from storyline.render.export import _csv_cell, STR, INT

    assert _csv_cell("Flood in the north", STR) == "Flood in the north"
    assert _csv_cell(-5, INT) == "-5"


def test_escape_sequences_in_titles_and_ids_never_reach_the_terminal(tmp_path):
    from click.testing import CliRunner

    from storyline.cli import cli

    record = {"title": "\x1b[31mRED\x1b]0;owned\x07 \u202eevil", "id": "a\x1b[2Jb", "text": BODY}
    (tmp_path / "r.json").write_text(json.dumps([record]))
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    outputs = [runner.invoke(cli, ["ingest", str(tmp_path / "r.json"), "--db", db]).output,
               runner.invoke(cli, ["ls", "--db", db]).output]
    doc = json.loads(runner.invoke(cli, ["ls", "--db", db, "--json"]).output)[0]["id"]
    outputs.append(runner.invoke(cli, ["show", doc, "--db", db]).output)
    for out in outputs:
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "RED" in outputs[2]


def test_rm_removes_a_document_and_promotes_its_earliest_copy(tmp_path):
    from click.testing import CliRunner

    from storyline.cli import cli
    from storyline.store.db import Store

    other = "A second report about the harbour strike, which ended on Friday after talks, the union said."
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY)  # an exact copy: one document, two sources
    (tmp_path / "c.txt").write_text(other)
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                               str(tmp_path / "c.txt"), "--db", db]).exit_code == 0
    result = runner.invoke(cli, ["rm", str(tmp_path / "c.txt"), "nope", "--db", db])
    assert result.exit_code == 1 and "removed" in result.output and "nope" in result.output
    with Store.open(db, read_only=True) as store:
        texts = [r[0] for r in store.con.execute("SELECT text FROM documents").fetchall()]
        sources = store.con.execute("SELECT count(*) FROM sources").fetchone()[0]
    assert texts == [BODY] and sources == 2
    assert runner.invoke(cli, ["rm", "missing", "--db", db]).exit_code == 2
