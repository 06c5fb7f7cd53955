"""Hostile names, servers and addresses against storyline.ingest.fetch (local servers only, no internet).

A fake DNS (socket.getaddrinfo) and a fake internet (socket.create_connection) stand in for the
outside world: a "public" address is routed to a server on 127.0.0.1, and any other non-loopback
destination is refused, so nothing here can leave the machine.
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storyline.ingest import fetch as fetch_mod
from storyline.ingest.fetch import FetchError, FetchOptions, address_problem, check_url, fetch

PUBLIC_IP = "93.184.216.34"  # what the fake DNS first answers for the rebinding name
STOP = threading.Event()  # lets slow handlers give up at teardown


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


class Local:
    """An HTTP server on 127.0.0.1 whose handler is a plain function; counts the requests it sees."""

    def __init__(self, respond: Callable[[BaseHTTPRequestHandler], None]) -> None:
        self.hits: list[str] = []
        self.closed = threading.Event()  # a handler saw the client hang up
        local = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                local.hits.append(self.path)
                try:
                    respond(self)
                except OSError:
                    local.closed.set()
                self.close_connection = True

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _send(handler: BaseHTTPRequestHandler, body: bytes, status: int = 200,
          headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", "text/plain")
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _drip(handler: BaseHTTPRequestHandler, data: bytes, every: float) -> None:
    """Write `data` one byte at a time; OSError (the client hung up) reaches Local."""
    for byte in data:
        if STOP.is_set():
            return
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(every)


@pytest.fixture(autouse=True)
def _teardown_stop() -> Iterator[None]:
    STOP.clear()
    yield
    STOP.set()


@pytest.fixture
def servers() -> Iterator[tuple[Local, Local]]:
    """(internal, public): the internal one must never be reached through the rebinding name."""
    internal = Local(lambda h: _send(h, b"SECRET internal page"))
    holder: dict[str, int] = {}

    def public_page(h: BaseHTTPRequestHandler) -> None:
        if h.path == "/redirect":  # same name, same port: the second resolution answers loopback
            _send(h, b"", 302, {"Location": f"http://rebind.test:{holder['port']}/secret"})
        else:
            _send(h, b"PUBLIC page")

    public = Local(public_page)
    holder["port"] = internal.port
    yield internal, public
    internal.stop()
    public.stop()


class FakeNet:
    """Fake DNS answers and a routing table from fake public addresses to local servers."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: dict[str, list[list[str]]] = {}  # name -> successive answers (last repeats)
        self.routes: dict[tuple[str, int], tuple[str, int]] = {}
        self.lookups: list[str] = []
        self.connects: list[tuple[str, int]] = []
        self._getaddrinfo = socket.getaddrinfo
        self._create_connection = socket.create_connection
        monkeypatch.setattr(socket, "getaddrinfo", self.getaddrinfo)
        monkeypatch.setattr(socket, "create_connection", self.create_connection)

    def getaddrinfo(self, host, port, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201
        name = host.decode() if isinstance(host, bytes) else host
        if name not in self.answers:
            return self._getaddrinfo(host, port, *args, **kwargs)
        self.lookups.append(name)
        queue = self.answers[name]
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        port = int(port or 0)
        return [(socket.AF_INET6 if ":" in ip else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                 (ip, port) if ":" not in ip else (ip, port, 0, 0)) for ip in answer]

    def create_connection(self, address, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201
        host, port = address[0], int(address[1])
        try:
            ips = [str(ipaddress.ip_address(host))]
        except ValueError:  # a name: resolve it here so every answer goes through the routes
            ips = [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
        for ip in ips:
            self.connects.append((ip, port))
            target = self.routes.get((ip, port))
            if target is None and ipaddress.ip_address(ip).is_loopback:
                target = (ip, port)
            if target is not None:
                return self._create_connection(target, *args, **kwargs)
        raise ConnectionRefusedError(111, "Connection refused (the tests never leave 127.0.0.1)")


def _refused(url: str, options: FetchOptions) -> str:
    with pytest.raises(FetchError) as info:
        fetch(url, options)
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message and message.startswith(url)
    return message


# --- DNS rebinding ----------------------------------------------------------------------------

def test_rebinding_name_is_resolved_once_and_the_checked_address_is_used(
        servers: tuple[Local, Local], monkeypatch: pytest.MonkeyPatch) -> None:
    internal, public = servers
    net = FakeNet(monkeypatch)
    net.answers["rebind.test"] = [[PUBLIC_IP], ["127.0.0.1"]]
    net.routes[(PUBLIC_IP, internal.port)] = ("127.0.0.1", public.port)
    page = fetch(f"http://rebind.test:{internal.port}/page", FetchOptions(timeout=3))
    assert page.body == b"PUBLIC page"
    assert internal.hits == []
    assert net.lookups == ["rebind.test"]  # one resolution for the connection
    assert net.connects == [(PUBLIC_IP, internal.port)]  # to the address the guard checked


def test_rebinding_to_loopback_on_a_redirect_is_refused(
        servers: tuple[Local, Local], monkeypatch: pytest.MonkeyPatch) -> None:
    internal, public = servers
    net = FakeNet(monkeypatch)
    net.answers["rebind.test"] = [[PUBLIC_IP], ["127.0.0.1"]]
    net.routes[(PUBLIC_IP, internal.port)] = ("127.0.0.1", public.port)
    url = f"http://rebind.test:{internal.port}/redirect"
    message = _refused(url, FetchOptions(timeout=3))
    assert message == (f"{url}: redirected to http://rebind.test:{internal.port}/secret: refused: "
                       "rebind.test resolves to 127.0.0.1, a loopback address (use --allow-private)")
    assert internal.hits == []
    assert public.hits == ["/redirect"]


def test_every_resolved_address_is_checked_and_only_checked_ones_are_dialled(
        servers: tuple[Local, Local], monkeypatch: pytest.MonkeyPatch) -> None:
    internal, public = servers
    net = FakeNet(monkeypatch)
    net.answers["mixed.test"] = [[PUBLIC_IP, "127.0.0.1"]]
    message = _refused(f"http://mixed.test:{internal.port}/", FetchOptions(timeout=3))
    assert "mixed.test resolves to 127.0.0.1, a loopback address" in message
    assert net.connects == [] and internal.hits == []


def test_pinned_connection_falls_back_to_the_next_checked_address(
        servers: tuple[Local, Local], monkeypatch: pytest.MonkeyPatch) -> None:
    internal, public = servers
    net = FakeNet(monkeypatch)
    second = "93.184.216.35"
    net.answers["two.test"] = [[PUBLIC_IP, second]]
    net.routes[(second, 8080)] = ("127.0.0.1", public.port)  # the first address refuses
    page = fetch("http://two.test:8080/page", FetchOptions(timeout=3))
    assert page.body == b"PUBLIC page"
    assert net.lookups == ["two.test"]
    assert net.connects == [(PUBLIC_IP, 8080), (second, 8080)]


def test_allow_private_still_pins_one_resolution(
        servers: tuple[Local, Local], monkeypatch: pytest.MonkeyPatch) -> None:
    internal, public = servers
    net = FakeNet(monkeypatch)
    net.answers["lan.test"] = [["127.0.0.1"], ["10.0.0.1"]]
    page = fetch(f"http://lan.test:{internal.port}/x", FetchOptions(timeout=3, allow_private=True))
    assert page.body == b"SECRET internal page"
    assert net.lookups == ["lan.test"]


# --- TLS on a pinned connection ---------------------------------------------------------------

def _make_certs(folder: Path, name: str) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate for `name` only (no IP in it), made with openssl."""
    if not shutil.which("openssl"):
        pytest.skip("openssl not available")
    ca_key, ca_crt = folder / "ca.key", folder / "ca.crt"
    key, csr, crt, ext = folder / "s.key", folder / "s.csr", folder / "s.crt", folder / "ext.cnf"
    ext.write_text(f"subjectAltName=DNS:{name}\nbasicConstraints=CA:FALSE\n")

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=30)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(ca_key), "-out", str(ca_crt),
        "-days", "2", "-subj", "/CN=Storyline test CA")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(csr), "-subj", f"/CN={name}")
    run("x509", "-req", "-in", str(csr), "-CA", str(ca_crt), "-CAkey", str(ca_key), "-CAcreateserial",
        "-out", str(crt), "-days", "2", "-extfile", str(ext))
    return ca_crt, crt, key


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[Local, Path, list[str | None]]]:
    ca, crt, key = _make_certs(tmp_path, "news.test")
    server = Local(lambda h: _send(h, b"TLS page"))
    sni: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(crt, key)
    context.sni_callback = lambda sock, name, ctx: sni.append(name)
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    yield server, ca, sni
    server.stop()


def test_tls_on_a_pinned_address_verifies_the_host_name(
        tls_server: tuple[Local, Path, list[str | None]], monkeypatch: pytest.MonkeyPatch) -> None:
    server, ca, sni = tls_server
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    net = FakeNet(monkeypatch)
    net.answers["news.test"] = [["127.0.0.1"]]
    net.answers["other.test"] = [["127.0.0.1"]]
    options = FetchOptions(timeout=5, allow_private=True)
    page = fetch(f"https://news.test:{server.port}/", options)
    assert page.body == b"TLS page"
    assert sni == ["news.test"]  # SNI carries the name, not the pinned address
    assert net.connects == [("127.0.0.1", server.port)]
    # Same address, a name the certificate does not cover: verification still runs on the name.
    message = _refused(f"https://other.test:{server.port}/", options)
    assert "TLS certificate verification failed" in message


# --- deadlines on the whole exchange ----------------------------------------------------------

def test_header_drip_hits_the_overall_deadline_and_the_connection_is_closed() -> None:
    def drip_headers(h: BaseHTTPRequestHandler) -> None:
        h.wfile.write(b"HTTP/1.1 200 OK\r\n")
        _drip(h, b"X-Pad: " + b"a" * 40 + b"\r\n", every=0.2)  # each byte well inside the timeout
        _send(h, b"late page")

    server = Local(drip_headers)
    try:
        start = time.monotonic()
        message = _refused(f"http://127.0.0.1:{server.port}/", FetchOptions(timeout=1, allow_private=True))
        elapsed = time.monotonic() - start
        assert message.endswith("timed out after 1 s")
        assert elapsed < 5.0  # the drip alone would take 8 s
        assert server.closed.wait(2.0)  # the server saw the client hang up: nothing left open
    finally:
        STOP.set()
        server.stop()


def test_headers_and_body_share_one_deadline() -> None:
    body = b"y" * 6

    def slow_both(h: BaseHTTPRequestHandler) -> None:
        h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n")
        _drip(h, b"X-Pad: aaaaa\r\n", every=0.05)  # ~0.7 s of headers
        h.wfile.write(b"Content-Length: %d\r\n\r\n" % len(body))
        _drip(h, body, every=0.12)  # ~0.7 s of body

    server = Local(slow_both)
    try:
        start = time.monotonic()
        message = _refused(f"http://127.0.0.1:{server.port}/", FetchOptions(timeout=1, allow_private=True))
        assert "timed out after 1 s" in message
        assert time.monotonic() - start < 1.8
    finally:
        server.stop()


def test_redirect_hops_share_one_deadline() -> None:
    def slow_hop(h: BaseHTTPRequestHandler) -> None:
        n = int(h.path.strip("/") or 0)
        time.sleep(0.4)  # each hop alone is well inside the timeout
        _send(h, b"", 302, {"Location": f"/{n + 1}"}) if n < 3 else _send(h, b"done")

    server = Local(slow_hop)
    try:
        start = time.monotonic()
        message = _refused(f"http://127.0.0.1:{server.port}/0", FetchOptions(timeout=1, allow_private=True))
        assert "timed out after 1 s" in message
        assert time.monotonic() - start < 1.8
    finally:
        server.stop()


def test_silent_accepting_socket_times_out() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts (in the backlog) but never answers
    try:
        start = time.monotonic()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
        assert _refused(url, FetchOptions(timeout=0.5, allow_private=True)).endswith("timed out after 0.5 s")
        assert time.monotonic() - start < 1.5
    finally:
        listener.close()


# --- the address guard ------------------------------------------------------------------------

@pytest.mark.parametrize("addr, why", [
    ("127.0.0.1", "a loopback address"),
    ("::1", "a loopback address"),
    ("10.1.2.3", "a private address"),
    ("192.168.0.1", "a private address"),
    ("169.254.169.254", "a link-local address"),
    ("0.0.0.0", "an unspecified address"),
    ("::", "an unspecified address"),
    ("224.0.0.1", "a multicast address"),
    ("ff02::1", "a multicast address"),
    ("ff0e::1", "a multicast address"),
    ("fe80::1%eth0", "a link-local address"),
    ("fe80::1", "a link-local address"),
    ("fec0::1", "a site-local address"),
    ("fc00::1", "a private address"),
    ("fd12:3456::1", "a private address"),
    ("100.64.0.1", "a non-public address"),
    ("192.0.2.1", "a private address"),  # documentation
    ("2001:db8::1", "a private address"),  # documentation
    ("240.0.0.1", "a private address"),  # Python files 240/4 as private
    ("::ffff:127.0.0.1", "an IPv4-mapped address of 127.0.0.1 (a loopback address)"),
    ("::ffff:10.0.0.1", "an IPv4-mapped address of 10.0.0.1 (a private address)"),
    ("::ffff:169.254.169.254", "an IPv4-mapped address of 169.254.169.254 (a link-local address)"),
    ("::127.0.0.1", "an IPv4-compatible address of 127.0.0.1 (a loopback address)"),
    ("::10.0.0.1", "an IPv4-compatible address of 10.0.0.1 (a private address)"),
    ("::93.184.216.34", "a deprecated IPv4-compatible address"),
    ("2002:7f00:1::", "a 6to4 address of 127.0.0.1 (a loopback address)"),
    ("2002:a00:1::1", "a 6to4 address of 10.0.0.1 (a private address)"),
    ("2002:c0a8:101::", "a 6to4 address of 192.168.1.1 (a private address)"),
    ("2002:a9fe:a9fe::", "a 6to4 address of 169.254.169.254 (a link-local address)"),
    ("64:ff9b::7f00:1", "a NAT64 address of 127.0.0.1 (a loopback address)"),
    ("64:ff9b::10.0.0.1", "a NAT64 address of 10.0.0.1 (a private address)"),
    ("64:ff9b:1::a00:1", "a non-public address"),  # local-use NAT64 prefix
    ("2001::1", "a private address"),  # Teredo
    ("100::1", "a private address"),  # discard-only
    ("3fff::1", "a non-public address"),  # documentation (2024)
])
def test_guard_refuses(addr: str, why: str) -> None:
    assert address_problem(addr) == why


@pytest.mark.parametrize("addr", [
    "93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "2a00:1450:4001:82a::200e",
    "::ffff:93.184.216.34",  # IPv4-mapped public: the same host as its IPv4
    "64:ff9b::93.184.216.34",  # NAT64 of a public IPv4 (IPv6-only networks with DNS64)
    "2002:5db8:d822::1",  # 6to4 of a public IPv4
])
def test_guard_allows_public(addr: str) -> None:
    assert address_problem(addr) is None


@pytest.mark.parametrize("host", [
    "[::ffff:7f00:1]", "[2002:7f00:1::]", "[fec0::1]", "[64:ff9b::a9fe:a9fe]", "2130706433", "0x7f.1",
    "127.1", "[::127.0.0.1]", "a.test\\@127.0.0.1", "a.test%2f@127.0.0.1",  # userinfo confusion
])
def test_literal_and_odd_numeric_hosts_refused_before_connecting(host: str) -> None:
    with pytest.raises(FetchError, match="refused: .* address"):
        check_url(f"http://{host}/admin", allow_private=False)


def test_guard_message_names_the_embedded_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_mod, "_resolve", lambda host, port: ["2002:a9fe:a9fe::1"])
    with pytest.raises(FetchError) as info:
        check_url("http://metadata.test/latest", allow_private=False)
    assert str(info.value) == ("http://metadata.test/latest: refused: metadata.test resolves to "
                               "2002:a9fe:a9fe::1, a 6to4 address of 169.254.169.254 (a link-local "
                               "address) (use --allow-private)")


# --- schemes ----------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "FILE:///etc/passwd", "file://localhost/etc/passwd", "ftp://example.com/a.txt",
    "gopher://example.com:70/_x", "dict://127.0.0.1:11211/stat", "ldap://example.com/", "sftp://example.com/x",
    "jar:http://example.com/a.jar!/", "data:text/html,<b>x</b>",
])
def test_other_schemes_not_supported(url: str) -> None:
    with pytest.raises(FetchError, match="unsupported scheme") as info:
        fetch(url, FetchOptions())
    assert "\n" not in str(info.value) and "no such file" not in str(info.value)


@pytest.mark.parametrize("arg", ["file:///etc/passwd", "ftp://example.com/a.txt", "gopher://x.test/"])
def test_ingest_arguments_with_other_schemes_are_urls_not_files(arg: str) -> None:
    from storyline.ingest.loaders import InputError, LoadOptions
    from storyline.ingest.pipeline import is_url, iter_inputs

    assert is_url(arg)
    items = list(iter_inputs([arg], LoadOptions(), FetchOptions()))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "unsupported scheme" in items[0].message and "no such file" not in items[0].message


@pytest.mark.parametrize("arg", ["notes.txt", "c:/reports/a.txt", "a:b.txt", "-", "reports/file:x"])
def test_plain_paths_are_not_urls(arg: str) -> None:
    assert not fetch_mod.looks_like_url(arg)


# --- the connection layer ---------------------------------------------------------------------

def test_connection_layer_never_resolves_a_name_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    import httpcore

    from storyline.ingest.pinning import PinnedBackend

    net = FakeNet(monkeypatch)
    net.answers["unpinned.test"] = [["127.0.0.1"]]
    backend = PinnedBackend(time.monotonic() + 5)
    with pytest.raises(httpcore.ConnectError, match="not checked"):
        backend.connect_tcp("unpinned.test", 80)
    assert net.lookups == [] and net.connects == []


def test_connection_layer_refuses_to_start_after_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    import httpcore

    from storyline.ingest.pinning import PinnedBackend

    net = FakeNet(monkeypatch)
    backend = PinnedBackend(time.monotonic() - 1)
    backend.pins[("late.test", 80)] = ("127.0.0.1",)
    with pytest.raises(httpcore.ConnectTimeout):
        backend.connect_tcp("late.test", 80, timeout=5)
    assert net.connects == []


def test_cli_reports_file_url_as_unsupported_scheme(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from storyline.cli import cli

    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "s.duckdb"), "file:///etc/passwd"])
    assert result.exit_code == 2  # the only input failed: nothing could be used
    assert "unsupported scheme 'file:'" in result.output and "no such file" not in result.output
    assert "Traceback" not in result.output
