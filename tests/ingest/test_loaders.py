"""Reading inputs: files, folders, bulk files and every kind of bad input, item by item."""

import io
import json

from storyline.ingest.loaders import InputError, LoadOptions, iter_path, iter_stdin, stamp_from_identifier
from storyline.models import RawInput

BODY = "Flood waters rose across the delta on Tuesday, the disaster agency said in a statement."


def items(path, **kw):
    return list(iter_path(path, LoadOptions(**kw)))


def test_nonexistent_path_is_one_error(tmp_path):
    [item] = items(tmp_path / "missing.txt")
    assert isinstance(item, InputError) and item.message == "no such file or folder"


def test_empty_and_blank_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n\t ")
    assert items(tmp_path / "empty.txt")[0].message == "empty file"
    assert "whitespace" in items(tmp_path / "blank.txt")[0].message


def test_binary_with_text_extension(tmp_path):
    (tmp_path / "report.txt").write_bytes(b"%PDF-1.4 binary junk \x00\x01")
    [item] = items(tmp_path / "report.txt")
    assert isinstance(item, InputError) and "PDF" in item.message


def test_size_cap(tmp_path):
    (tmp_path / "big.txt").write_text(BODY * 100)
    [item] = items(tmp_path / "big.txt", max_bytes=1000)
    assert isinstance(item, InputError) and "too large" in item.message and "--max-bytes" in item.message


def test_cp1252_file_is_decoded(tmp_path):
    (tmp_path / "w.txt").write_bytes("The envoy’s “last offer” was rejected on Friday evening.".encode("cp1252"))
    [item] = items(tmp_path / "w.txt")
    assert isinstance(item, RawInput) and "“last offer”" in item.content


def test_folder_is_recursive_and_skips_hidden_and_unknown(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(BODY)
    (tmp_path / "a" / "two.md").write_text("# Title\n\n" + BODY)
    (tmp_path / "page.html").write_text(f"<html><body><p>{BODY}</p></body></html>")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text(BODY)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    got = items(tmp_path)
    kinds = sorted((i.source.split("/")[-1], i.kind) for i in got)
    assert kinds == [("one.txt", "text"), ("page.html", "html"), ("two.md", "markdown")]


def test_manifest_gives_metadata_and_is_not_a_report(tmp_path):
    (tmp_path / "one.txt").write_text(BODY)
    (tmp_path / "manifest.json").write_text(json.dumps(
        [{"file": "one.txt", "outlet": "Delta Daily", "published": "2024-06-04", "ignored": "x"}]))
    [item] = items(tmp_path)
    assert item.fields == {"outlet": "Delta Daily", "published": "2024-06-04"}


def test_jsonl_broken_lines_reported_with_numbers(tmp_path):
    lines = [json.dumps({"text": BODY, "title": "one"}), "{broken", json.dumps({"text": BODY + " Two."}), "[1, 2"]
    (tmp_path / "bulk.jsonl").write_text("\n".join(lines))
    got = items(tmp_path / "bulk.jsonl")
    good = [i for i in got if isinstance(i, RawInput)]
    bad = [i for i in got if isinstance(i, InputError)]
    assert len(good) == 2 and good[0].fields["title"] == "one"
    assert [b.source.rsplit(":", 1)[1] for b in bad] == ["2", "4"]
    assert all("broken JSON line" in b.message for b in bad)


def test_json_list_with_filename_timestamps(tmp_path):
    records = [{"filename": "20220125T090000Z_GB_en_abc.txt", "content": BODY},
               {"filename": "20230301T120000Z_US_en_def.txt", "content": BODY + " More."}]
    (tmp_path / "articles.json").write_text(json.dumps(records))
    got = items(tmp_path / "articles.json")
    assert [i.fields["published"] for i in got] == ["2022-01-25T09:00:00", "2023-03-01T12:00:00"]
    assert got[0].fields["published_method"] == "filename"
    assert got[0].source.endswith("articles.json#20220125T090000Z_GB_en_abc.txt")


def test_explicit_field_mapping_wins(tmp_path):
    (tmp_path / "d.json").write_text(json.dumps([{"story": "short", "copy": BODY, "when": "2021-05-01"}]))
    [item] = list(iter_path(tmp_path / "d.json", LoadOptions(fields={"text": "copy", "published": "when"})))
    assert item.content == BODY and item.fields["published"] == "2021-05-01"


def test_json_without_text_field_names_the_keys(tmp_path):
    (tmp_path / "d.json").write_text(json.dumps([{"foo": 1, "bar": 2}]))
    [item] = items(tmp_path / "d.json")
    assert isinstance(item, InputError) and "foo, bar" in item.message and "--text-field" in item.message


def test_invalid_json_one_line(tmp_path):
    (tmp_path / "d.json").write_text('[{"text": "a",,}]')
    [item] = items(tmp_path / "d.json")
    assert isinstance(item, InputError) and item.message.startswith("invalid JSON at line 1")


def test_csv_rows(tmp_path):
    (tmp_path / "d.csv").write_text(f'headline,body,date\n"First","{BODY}",2024-01-02\n"Second","",2024-01-03\n')
    got = items(tmp_path / "d.csv")
    assert isinstance(got[0], RawInput) and got[0].fields == {"title": "First", "published": "2024-01-02"}
    assert isinstance(got[1], InputError) and got[1].source.endswith("d.csv:3")


def test_stdin_sniffs_html():
    [item] = list(iter_stdin(LoadOptions(), io.BytesIO(f"<html><body><p>{BODY}</p></body></html>".encode())))
    assert item.source == "-" and item.kind == "html"


def test_stdin_empty():
    [item] = list(iter_stdin(LoadOptions(), io.BytesIO(b"")))
    assert isinstance(item, InputError)


def test_stamp_from_identifier():
    assert stamp_from_identifier("20220125T090000Z_GB_en_7d0.txt") == "2022-01-25T09:00:00"
    assert stamp_from_identifier("2024-10-30-report.txt") == "2024-10-30"
    assert stamp_from_identifier("report-12345678.txt") is None
    assert stamp_from_identifier("v2.txt") is None


def test_folder_with_manifest_reads_only_listed_files(tmp_path):
    (tmp_path / "one.txt").write_text(BODY)
    (tmp_path / "README.md").write_text("# About this folder\n\nNotes for editors, not a report at all.")
    (tmp_path / "answers.json").write_text("[]")
    (tmp_path / "manifest.json").write_text('{"one.txt": {"outlet": "Delta Daily"}}')
    got = items(tmp_path)
    assert [i.source.split("/")[-1] for i in got] == ["one.txt"]


def test_data_files_without_reports_in_a_folder_are_passed_over(tmp_path):
    (tmp_path / "one.txt").write_text(BODY)
    (tmp_path / "answers.json").write_text(json.dumps({"entities": [], "quotes": []}))
    (tmp_path / "keys.json").write_text(json.dumps([{"name": "x", "score": 1}]))
    assert [i.source.split("/")[-1] for i in items(tmp_path)] == ["one.txt"]
    [named] = items(tmp_path / "keys.json")  # named explicitly, it is an error
    assert isinstance(named, InputError)
