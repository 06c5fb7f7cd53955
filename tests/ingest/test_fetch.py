"""Tests for storyline.ingest.fetch against a local HTTP server (no internet)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from storyline.ingest import fetch as fetch_mod
from storyline.ingest.fetch import FetchError, FetchedPage, FetchOptions, feed_items, fetch, is_feed

ARTICLE = (b"<!doctype html><html><head><title>Quake</title></head>"
           b"<body><p>A 6.1 quake struck.</p></body></html>")
BIG = 10_000_000  # well over the small caps used below
STOP = threading.Event()  # lets slow/streaming handlers give up at teardown


def _rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>{base}/</link>
<item><title>First &amp; foremost</title><link>/article</link>
  <pubDate>Tue, 07 May 2024 10:30:00 +0200</pubDate><author>desk@wire.test (Desk)</author>
  <description>&lt;p&gt;Quake &lt;b&gt;hits&lt;/b&gt; coast&lt;/p&gt;</description></item>
<item><title>Second</title><link>plain?id=2</link></item>
<item><title>Third</title><link>{base}/article?id=3</link></item>
<item><title>Duplicate</title><link>/article</link></item>
<item><title>No link</title><description>orphan</description></item>
</channel></rss>""".encode()


def _atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><id>urn:x</id>
<updated>2024-05-07T08:30:00Z</updated>
<entry><title>Atom one</title><id>urn:1</id><link rel="alternate" href="/article"/>
  <updated>2024-05-07T08:30:00Z</updated><author><name>Ana Reporter</name></author>
  <summary>Short summary</summary></entry>
<entry><title>Atom two</title><id>urn:2</id><link href="{base}/plain"/>
  <updated>2024-05-08T00:00:00Z</updated></entry>
</feed>""".encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # needed for chunked responses

    def log_message(self, format: str, *args: object) -> None:  # keep pytest output quiet
        pass

    def _send(self, body: bytes, ctype: str | None = "text/html; charset=utf-8",
              status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(b"", None, status, {"Location": location})

    def _stream(self, total: int, chunked: bool, delay: float = 0.0, piece: int = 65536) -> None:
        """Write `total` bytes in pieces until done, the client hangs up, or teardown."""
        sent = 0
        try:
            while sent < total and not STOP.is_set():
                data = b"x" * min(piece, total - sent)
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)
                self.wfile.flush()
                sent += len(data)
                if delay:
                    time.sleep(delay)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
        except OSError:  # client gave up (the cap or deadline worked)
            pass
        self.close_connection = True

    def do_GET(self) -> None:  # noqa: C901 - a flat route table reads best here
        base = f"http://{self.headers['Host']}"
        path = self.path
        if path.startswith("/article"):
            self._send(ARTICLE)
        elif path.startswith("/plain"):
            self._send(b"plain words\n", "text/plain")
        elif path == "/ua":
            self._send(self.headers.get("User-Agent", "").encode(), "text/plain")
        elif path == "/notype":
            self._send(ARTICLE, None)
        elif path == "/notype-binary":
            self._send(b"%PDF-1.7\x00\x01", None)
        elif path == "/redirect/1":
            self._redirect("/redirect/2")  # relative
        elif path == "/redirect/2":
            self._redirect("../redirect/3", 301)  # relative with dot segments
        elif path == "/redirect/3":
            self._redirect(f"{base}/article", 307)  # absolute
        elif path.startswith("/loop"):
            n = int(path.removeprefix("/loop") or 0)
            self._redirect(f"/loop{n + 1}")
        elif path == "/to-private":
            self._redirect("http://10.0.0.1/admin")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/no-location":
            self._send(b"", None, 302)
        elif path == "/404":
            self._send(b"nope", status=404)
        elif path == "/500":
            self._send(b"boom", status=500)
        elif path == "/huge-length":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(BIG))
            self.end_headers()
            self._stream(BIG, chunked=False)
        elif path == "/huge-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self._stream(BIG, chunked=True)
        elif path == "/huge-close":  # no length at all: body ends when the connection closes
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            self._stream(BIG, chunked=False)
        elif path == "/slow":
            STOP.wait(3.0)  # far past the 0.5 s test timeout, but never hangs teardown
            self._send(ARTICLE)
        elif path == "/drip":  # each byte beats the read timeout; the whole body never does
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self._stream(60, chunked=True, delay=0.05, piece=1)
        elif path == "/pdf":
            self._send(b"%PDF-1.7 ...", "application/pdf")
        elif path == "/image":
            self._send(b"\x89PNG....", "image/png")
        elif path == "/rss":
            self._send(_rss(base), "application/rss+xml")
        elif path == "/rss-as-xml":
            self._send(_rss(base), "text/xml; charset=utf-8")
        elif path == "/atom":
            self._send(_atom(base), "application/atom+xml")
        elif path == "/sitemap":
            self._send(b'<?xml version="1.0"?><urlset><url><loc>/a</loc></url></urlset>',
                       "application/xml")
        else:
            self._send(b"not found", status=404)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # don't wait for abandoned streaming handlers at teardown


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    STOP.clear()
    httpd = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    STOP.set()
    httpd.shutdown()
    httpd.server_close()


LOCAL = FetchOptions(allow_private=True, timeout=5.0, max_bytes=100_000)  # room for a busy machine
SHORT = FetchOptions(allow_private=True, timeout=0.5, max_bytes=100_000)  # the timeout tests' deadline


def refused(url: str, options: FetchOptions = LOCAL, client: httpx.Client | None = None) -> str:
    """The FetchError message for `url`, checked to be a single line."""
    with pytest.raises(FetchError) as info:
        fetch(url, options, client)
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(url)
    return message


# --- basic fetching ---------------------------------------------------------------------------

def test_fetch_html(server: str) -> None:
    page = fetch(f"{server}/article", LOCAL)
    assert page.status == 200 and page.body == ARTICLE
    assert page.content_type == "text/html" and page.charset == "utf-8"
    assert page.url == page.final_url == f"{server}/article"
    assert not is_feed(page)


def test_fetch_plain_text_and_user_agent(server: str) -> None:
    page = fetch(f"{server}/plain", LOCAL)
    assert page.content_type == "text/plain" and page.charset is None
    assert page.body == b"plain words\n"
    ua = fetch(f"{server}/ua", LOCAL).body.decode()
    assert ua.startswith("Storyline/") and "offline news analysis" in ua


def test_missing_content_type_is_sniffed(server: str) -> None:
    assert fetch(f"{server}/notype", LOCAL).content_type == "text/html"
    assert "looks binary" in refused(f"{server}/notype-binary")


def test_caller_supplied_client_is_used_and_left_open(server: str) -> None:
    with httpx.Client(follow_redirects=True) as client:  # our per-request override wins
        page = fetch(f"{server}/redirect/1", LOCAL, client)
        assert page.final_url == f"{server}/article"
        assert fetch(f"{server}/plain", LOCAL, client).status == 200


# --- redirects --------------------------------------------------------------------------------

def test_redirect_chain_relative_and_absolute(server: str) -> None:
    page = fetch(f"{server}/redirect/1", LOCAL)
    assert page.url == f"{server}/redirect/1"
    assert page.final_url == f"{server}/article"
    assert page.body == ARTICLE


def test_redirect_limit(server: str) -> None:
    # /redirect/1 takes three hops: allowed at 3, refused at 2.
    page = fetch(f"{server}/redirect/1", FetchOptions(allow_private=True, max_redirects=3))
    assert page.final_url == f"{server}/article"
    message = refused(f"{server}/redirect/1", FetchOptions(allow_private=True, max_redirects=2))
    assert "too many redirects (more than 2)" in message


def test_redirect_loop(server: str) -> None:
    assert "too many redirects (more than 5)" in refused(f"{server}/loop")


def test_redirect_without_location(server: str) -> None:
    assert "without a Location" in refused(f"{server}/no-location")


def test_redirect_to_file_scheme_refused(server: str) -> None:
    message = refused(f"{server}/to-file")
    assert "redirected to file:///etc/passwd" in message and "unsupported scheme" in message


def test_redirect_to_private_address_refused_on_live_server(
        server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The guard takes the server's own address for public, so only the redirect target is not.
    real = fetch_mod.address_problem
    monkeypatch.setattr(fetch_mod, "address_problem",
                        lambda addr: None if addr == "127.0.0.1" else real(addr))
    options = FetchOptions(timeout=5.0)  # room for a busy machine
    assert fetch(f"{server}/article", options).body == ARTICLE  # the first hop is allowed
    message = refused(f"{server}/to-private", options)
    assert "redirected to http://10.0.0.1/admin" in message
    assert "10.0.0.1 is a private address (use --allow-private)" in message


def test_redirect_to_private_refused_before_connecting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_mod, "_resolve",
                        lambda host, port: {"news.example": ["93.184.216.34"],
                                            "intranet.example": ["192.168.1.20"]}[host])
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://intranet.example/secrets"})

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        message = refused("http://news.example/story", FetchOptions(), client)
    assert seen == ["http://news.example/story"]  # the private hop was never requested
    assert "intranet.example resolves to 192.168.1.20, a private address" in message


# --- SSRF guard and schemes -------------------------------------------------------------------

def test_loopback_refused_without_allow_private(server: str) -> None:
    message = refused(f"{server}/article", FetchOptions(timeout=0.5))
    assert "127.0.0.1 is a loopback address" in message and "--allow-private" in message


def test_loopback_allowed_with_allow_private(server: str) -> None:
    assert fetch(f"{server}/article", FetchOptions(allow_private=True)).status == 200


@pytest.mark.parametrize("addr", [
    "127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254",
    "fe80::1%eth0", "224.0.0.1", "0.0.0.0", "::", "240.0.0.1", "100.64.0.1",
    "::ffff:127.0.0.1", "fc00::1",
])
def test_non_public_addresses_flagged(addr: str) -> None:
    assert fetch_mod.address_problem(addr) is not None


@pytest.mark.parametrize("addr", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"])
def test_public_addresses_pass(addr: str) -> None:
    assert fetch_mod.address_problem(addr) is None


def test_any_private_resolution_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_mod, "_resolve", lambda host, port: ["93.184.216.34", "10.9.9.9"])
    with pytest.raises(FetchError, match=r"mixed\.example resolves to 10\.9\.9\.9, a private"):
        fetch_mod.check_url("http://mixed.example/", allow_private=False)
    fetch_mod.check_url("http://mixed.example/", allow_private=True)  # no error


def test_dns_failure_one_liner(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetch_mod, "_resolve", fail)
    message = refused("https://no-such-host.invalid/x", FetchOptions())
    assert "cannot resolve host no-such-host.invalid" in message


@pytest.mark.parametrize("url, expected", [
    ("file:///etc/passwd", "unsupported scheme 'file:'"),
    ("ftp://example.com/a.txt", "unsupported scheme 'ftp:'"),
    ("javascript:alert(1)", "unsupported scheme 'javascript:'"),
    ("example.com/news", "no scheme; did you mean https://example.com/news?"),
    ("http:///nohost", "no host"),
    ("http://example.com:99999/", "invalid URL"),
])
def test_bad_urls_refused(url: str, expected: str) -> None:
    assert expected in refused(url, FetchOptions())


# --- HTTP errors, content types, caps, timeouts -----------------------------------------------

@pytest.mark.parametrize("path, status", [("/404", 404), ("/500", 500)])
def test_http_errors(server: str, path: str, status: int) -> None:
    with pytest.raises(FetchError) as info:
        fetch(f"{server}{path}", LOCAL)
    assert info.value.status == status
    assert f"HTTP {status}" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("path, ctype", [("/pdf", "application/pdf"), ("/image", "image/png")])
def test_unsupported_content_type(server: str, path: str, ctype: str) -> None:
    assert f"unsupported content type {ctype}" in refused(f"{server}{path}")


@pytest.mark.parametrize("path", ["/huge-length", "/huge-chunked", "/huge-close"])
def test_size_cap(server: str, path: str) -> None:
    start = time.monotonic()
    message = refused(f"{server}{path}", FetchOptions(allow_private=True, max_bytes=200_000))
    assert "exceeds the 200,000-byte cap" in message
    assert time.monotonic() - start < 2  # gave up early instead of reading 10 MB


def test_cap_counts_while_streaming(server: str) -> None:
    # With Content-Length the refusal is up front; without, the same cap trips mid-stream.
    assert "body of 10,000,000 bytes" in refused(f"{server}/huge-length")
    assert "body exceeds" in refused(f"{server}/huge-chunked")
    page = fetch(f"{server}/article", FetchOptions(allow_private=True, max_bytes=len(ARTICLE)))
    assert page.body == ARTICLE  # exactly at the cap is fine


def test_timeout_one_liner(server: str) -> None:
    start = time.monotonic()
    message = refused(f"{server}/slow", SHORT)
    assert message.endswith("timed out after 0.5 s")
    assert time.monotonic() - start < 2


def test_drip_feed_hits_overall_deadline(server: str) -> None:
    start = time.monotonic()
    assert "timed out after 0.5 s" in refused(f"{server}/drip", SHORT)
    assert time.monotonic() - start < 2


def test_connection_refused_one_liner() -> None:
    with socket.socket() as sock:  # grab a free port, then close it so nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    message = refused(f"http://127.0.0.1:{port}/x")
    assert message == f"http://127.0.0.1:{port}/x: connection refused"


# --- feeds ------------------------------------------------------------------------------------

def test_rss_feed(server: str) -> None:
    page = fetch(f"{server}/rss", LOCAL)
    assert is_feed(page)
    items = feed_items(page)
    assert [i.link for i in items] == [
        f"{server}/article", f"{server}/plain?id=2", f"{server}/article?id=3"]
    first = items[0]
    assert first.title == "First & foremost"
    assert first.published == "2024-05-07T08:30:00+00:00"  # normalised to UTC
    assert first.summary == "Quake hits coast"
    assert first.author and "desk@wire.test" in first.author
    assert items[1].published is None
    # Item links point at real pages on the same server.
    assert fetch(items[0].link, LOCAL).body == ARTICLE


def test_rss_served_as_generic_xml_is_a_feed(server: str) -> None:
    page = fetch(f"{server}/rss-as-xml", LOCAL)
    assert page.content_type == "text/xml" and is_feed(page)
    assert len(feed_items(page)) == 3


def test_atom_feed(server: str) -> None:
    page = fetch(f"{server}/atom", LOCAL)
    assert is_feed(page)
    items = feed_items(page)
    assert [i.link for i in items] == [f"{server}/article", f"{server}/plain"]
    assert items[0].author == "Ana Reporter" and items[0].summary == "Short summary"
    assert items[0].published == "2024-05-07T08:30:00+00:00"
    assert fetch(items[1].link, LOCAL).body == b"plain words\n"


def test_feed_links_resolve_against_final_url(server: str) -> None:
    page = FetchedPage(url="http://a.test/f", final_url="https://b.test/news/feed.xml",
                       status=200, content_type="application/rss+xml", charset=None,
                       body=b"<rss version='2.0'><channel><item><link>story/1</link></item>"
                            b"<item><link>javascript:alert(1)</link></item></channel></rss>")
    assert [i.link for i in feed_items(page)] == ["https://b.test/news/story/1"]


@pytest.mark.parametrize("body, expected", [
    (b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- c --><rss version='2.0'/>", True),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'/>", True),
    (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'/>", True),
    (b"<!doctype html><html><body>a <feed> of news</body></html>", False),
    (b"plain text mentioning <rss", False),
])
def test_is_feed_sniffs_body(body: bytes, expected: bool) -> None:
    page = FetchedPage("u", "u", 200, "text/html", None, body)
    assert is_feed(page) is expected


def test_generic_xml_that_is_not_a_feed(server: str) -> None:
    page = fetch(f"{server}/sitemap", LOCAL)
    assert page.content_type == "application/xml" and not is_feed(page)
