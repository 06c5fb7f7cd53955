"""The command line as a user meets it: exit codes, one-line errors, JSON output, URLs and feeds."""

import http.server
import json
import threading

import pytest
from click.testing import CliRunner

from storyline.cli import cli

ARTICLE = """<html><head><title>Port strike enters second week</title>
<meta name="author" content="Ana Lima"><meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Port strike enters second week</h1>
<p>Dock workers at the country's largest container port extended their strike into a second week on
Monday, leaving more than 200 ships waiting offshore, the port authority said.</p>
<p>The union is demanding a 15 percent pay rise; the employers' federation has offered 6 percent and
warned that the stoppage was costing the economy about $40 million a day.</p>
<p>The labour minister said talks would resume on Wednesday and urged both sides to accept mediation.</p>
</article><footer>Subscribe to our newsletter. Copyright 2024 Harbour Times.</footer>
<script>console.log("tracking")</script></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>
<item><title>Port strike enters second week</title><link>/article</link>
<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>/missing</link></item></channel></rss>"""


class Handler(http.server.BaseHTTPRequestHandler):
    routes = {"/article": ("text/html; charset=utf-8", ARTICLE), "/feed": ("application/rss+xml", FEED)}

    def do_GET(self):
        if self.path not in self.routes:
            self.send_error(404)
            return
        ctype, body = self.routes[self.path]
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def run(*args, input=None):
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


BODY = ("The electoral commission said on Sunday that turnout in the run-off reached 61 percent, "
        "up from 54 percent in the first round, and that results would be published within a week.")


def test_ingest_ls_show_round_trip(tmp_path):
    db = str(tmp_path / "s.duckdb")
    (tmp_path / "a.txt").write_text("Run-off turnout rises\n\n" + BODY + "\n\nShare on Facebook\n")
    result = run("ingest", str(tmp_path / "a.txt"), "--db", db)
    assert result.exit_code == 0 and "1 added" in result.output
    listing = json.loads(run("ls", "--db", db, "--json").output)
    assert len(listing) == 1 and listing[0]["word_count"] > 20
    doc = json.loads(run("show", listing[0]["id"][:8], "--db", db, "--json").output)
    assert doc["text"].startswith("The electoral commission")
    shown = run("show", listing[0]["id"], "--db", db, "--removed")
    assert "spans removed" in shown.output


def test_exit_codes_for_partial_and_total_failure(tmp_path):
    db = str(tmp_path / "s.duckdb")
    (tmp_path / "a.txt").write_text(BODY)
    partial = run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "nope.txt"), "--db", db)
    assert partial.exit_code == 1 and "no such file or folder" in partial.output
    total = run("ingest", str(tmp_path / "nope.txt"), "--db", db)
    assert total.exit_code == 2


def test_show_unknown_document_is_one_line(tmp_path):
    db = str(tmp_path / "s.duckdb")
    (tmp_path / "a.txt").write_text(BODY)
    run("ingest", str(tmp_path / "a.txt"), "--db", db)
    result = run("show", "dzzzzzz", "--db", db)
    assert result.exit_code == 2 and result.output.strip().count("\n") == 0


def test_reading_a_missing_store(tmp_path):
    result = run("ls", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 3 and "no store at" in result.output


def test_stdin(tmp_path):
    db = str(tmp_path / "s.duckdb")
    result = run("ingest", "-", "--db", db, "--json", input=BODY)
    line = json.loads(result.output.splitlines()[0])
    assert line["status"] == "added" and line["source"] == "-"


def test_unknown_config_key_is_refused(tmp_path):
    (tmp_path / "c.toml").write_text("[ingest]\nmax_bites = 3\n")
    result = run("--config", str(tmp_path / "c.toml"), "ls")
    assert result.exit_code == 2 and "max_bites" in result.output


def test_url_refused_on_loopback_without_flag(tmp_path, server):
    result = run("ingest", server + "/article", "--db", str(tmp_path / "s.duckdb"))
    assert result.exit_code == 2 and "--allow-private" in result.output


def test_url_and_feed_ingest_against_local_server(tmp_path, server):
    db = str(tmp_path / "s.duckdb")
    page = run("ingest", server + "/article", "--db", db, "--allow-private", "--json")
    [item] = [json.loads(line) for line in page.output.splitlines() if line.startswith("{")]
    assert item["status"] == "added"
    doc = json.loads(run("show", item["doc_id"], "--db", db, "--json").output)
    assert doc["title"] == "Port strike enters second week"
    assert doc["author"] == "Ana Lima" and doc["outlet"] == "Harbour Times"
    assert doc["published"] == "2024-03-05" and doc["published_method"] == "html-meta"
    assert "tracking" not in doc["text"] and "Home" not in doc["text"]
    assert any(r["reason"] == "page-chrome" for r in doc["removed"])
    feed = run("ingest", server + "/feed", "--db", db, "--allow-private", "--json")
    statuses = [json.loads(line) for line in feed.output.splitlines() if line.startswith("{")]
    assert [s["status"] for s in statuses] == ["unchanged", "error"] or \
        [s["status"] for s in statuses] == ["duplicate", "error"]
    assert "404" in statuses[1]["message"]
    assert feed.exit_code == 1


def test_analyze_missing_path_is_named_not_read_as_text(tmp_path):
    result = run("analyze", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "no such file or folder" in result.output
